package dev.keda4j.adapter.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.openapi.ApiClient;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client-java TokenReview and SubjectAccessReview implementations against a tiny local HTTP
 * server that records what they send and answers what the test sets.
 */
class ReviewClientsIT {
  private static Vertx vertx;
  private static HttpServer server;
  private static ExecutorService blocking;
  private static final AtomicReference<String> PATH = new AtomicReference<>();
  private static final AtomicReference<JsonObject> SENT = new AtomicReference<>();
  private static final AtomicReference<JsonObject> ANSWER = new AtomicReference<>();
  private static final AtomicReference<Integer> CODE = new AtomicReference<>(201);
  private static ApiClient client;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    blocking = Executors.newFixedThreadPool(2);
    server =
        vertx
            .createHttpServer()
            .requestHandler(
                req ->
                    req.body()
                        .onSuccess(
                            body -> {
                              PATH.set(req.method() + " " + req.path());
                              SENT.set(body.toJsonObject());
                              JsonObject answer = SENT.get().copy();
                              answer.put("status", ANSWER.get());
                              req.response()
                                  .setStatusCode(CODE.get())
                                  .putHeader("Content-Type", "application/json")
                                  .end(
                                      CODE.get() < 300
                                          ? answer.encode()
                                          : "{\"kind\":\"Status\",\"apiVersion\":\"v1\","
                                              + "\"status\":\"Failure\",\"code\":403}");
                            }))
            .listen(0, "127.0.0.1")
            .await();
    client = new ApiClient().setBasePath("http://127.0.0.1:" + server.actualPort());
  }

  @AfterAll
  static void stop() {
    server.close().await();
    vertx.close().await();
    blocking.shutdownNow();
  }

  @BeforeEach
  void reset() {
    CODE.set(201);
  }

  @Test
  void tokenReviewSendsTheTokenAndMapsTheUser() {
    ANSWER.set(
        new JsonObject()
            .put("authenticated", true)
            .put(
                "user",
                new JsonObject()
                    .put("username", "system:serviceaccount:ns:sa")
                    .put("uid", "42")
                    .put("groups", List.of("system:serviceaccounts"))
                    .put("extra", Map.of("scopes", List.of("a")))));
    TokenReviewAuthenticator reviewer =
        new TokenReviewAuthenticator(client, blocking, List.of("api"));
    TokenReviewResult r = reviewer.authenticate("tok-123").toCompletableFuture().join();
    assertThat(PATH.get()).isEqualTo("POST /apis/authentication.k8s.io/v1/tokenreviews");
    assertThat(SENT.get().getString("kind")).isEqualTo("TokenReview");
    assertThat(SENT.get().getJsonObject("spec").getString("token")).isEqualTo("tok-123");
    assertThat(SENT.get().getJsonObject("spec").getJsonArray("audiences")).containsExactly("api");
    assertThat(r.authenticated()).isTrue();
    assertThat(r.user().name()).isEqualTo("system:serviceaccount:ns:sa");
    assertThat(r.user().uid()).isEqualTo("42");
    assertThat(r.user().groups()).containsExactly("system:serviceaccounts");
    assertThat(r.user().extra()).containsEntry("scopes", List.of("a"));
  }

  @Test
  void tokenReviewRejectionCarriesTheReviewersError() {
    ANSWER.set(new JsonObject().put("authenticated", false).put("error", "token expired"));
    TokenReviewResult r =
        new TokenReviewAuthenticator(client, blocking, List.of())
            .authenticate("tok-x")
            .toCompletableFuture()
            .join();
    assertThat(r.authenticated()).isFalse();
    assertThat(r.error()).isEqualTo("token expired");
  }

  @Test
  void failedTokenReviewCallFailsWithoutTheToken() {
    CODE.set(403);
    TokenReviewAuthenticator reviewer = new TokenReviewAuthenticator(client, blocking, List.of());
    assertThatThrownBy(() -> reviewer.authenticate("s3cr3t").toCompletableFuture().join())
        .isInstanceOf(CompletionException.class)
        .hasRootCauseMessage("TokenReview failed with HTTP 403")
        .satisfies(e -> assertThat(String.valueOf(e)).doesNotContain("s3cr3t"));
  }

  @Test
  void subjectAccessReviewForAMetricRead() {
    ANSWER.set(new JsonObject().put("allowed", true).put("reason", "RBAC: allowed"));
    UserInfo hpa =
        new UserInfo(
            "system:serviceaccount:kube-system:horizontal-pod-autoscaler",
            "",
            List.of("system:serviceaccounts"),
            Map.of());
    AuthorizationAttributes a =
        RequestAttributesResolver.resolve(
            hpa, "GET", "/apis/external.metrics.k8s.io/v1beta1/namespaces/ns1/s0-redis-q");
    AuthorizationDecision d =
        new SubjectAccessReviewAuthorizer(client, blocking)
            .authorize(a)
            .toCompletableFuture()
            .join();
    assertThat(PATH.get()).isEqualTo("POST /apis/authorization.k8s.io/v1/subjectaccessreviews");
    JsonObject spec = SENT.get().getJsonObject("spec");
    assertThat(spec.getString("user")).isEqualTo(hpa.name());
    assertThat(spec.getJsonArray("groups")).containsExactly("system:serviceaccounts");
    assertThat(spec.getJsonObject("resourceAttributes").getMap())
        .containsEntry("verb", "list")
        .containsEntry("group", "external.metrics.k8s.io")
        .containsEntry("version", "v1beta1")
        .containsEntry("resource", "s0-redis-q")
        .containsEntry("namespace", "ns1");
    assertThat(spec.containsKey("nonResourceAttributes")).isFalse();
    assertThat(d).isEqualTo(new AuthorizationDecision(true, "RBAC: allowed"));
  }

  @Test
  void subjectAccessReviewForAPathAndADenial() {
    ANSWER.set(new JsonObject().put("allowed", false).put("reason", "no binding"));
    AuthorizationAttributes a =
        RequestAttributesResolver.resolve(UserInfo.anonymous(), "GET", "/openapi/v2");
    AuthorizationDecision d =
        new SubjectAccessReviewAuthorizer(client, blocking)
            .authorize(a)
            .toCompletableFuture()
            .join();
    assertThat(SENT.get().getJsonObject("spec").getJsonObject("nonResourceAttributes").getMap())
        .containsEntry("path", "/openapi/v2")
        .containsEntry("verb", "get");
    assertThat(d).isEqualTo(AuthorizationDecision.deny("no binding"));
  }

  @Test
  void explicitDenyWinsOverAllowed() {
    ANSWER.set(new JsonObject().put("allowed", true).put("denied", true));
    AuthorizationAttributes a =
        RequestAttributesResolver.resolve(UserInfo.anonymous(), "GET", "/apis");
    assertThat(
            new SubjectAccessReviewAuthorizer(client, blocking)
                .authorize(a)
                .toCompletableFuture()
                .join()
                .allowed())
        .isFalse();
  }
}
