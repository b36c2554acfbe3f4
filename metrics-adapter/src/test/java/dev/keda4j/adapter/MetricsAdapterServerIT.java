package dev.keda4j.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.adapter.auth.AuthorizationAttributes;
import dev.keda4j.adapter.auth.AuthorizationDecision;
import dev.keda4j.adapter.auth.Authorizer;
import dev.keda4j.adapter.auth.RequestHeaderConfig;
import dev.keda4j.adapter.auth.TokenReviewResult;
import dev.keda4j.adapter.auth.UserInfo;
import dev.keda4j.adapter.testing.TestPki;
import dev.keda4j.adapter.testing.TestSources;
import dev.keda4j.adapter.tls.KeyMaterial;
import dev.keda4j.scalers.spi.MetricValue;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter over real HTTPS with certificates generated here, through the JDK HttpClient. */
class MetricsAdapterServerIT {
  private static final String HPA = "system:serviceaccount:kube-system:horizontal-pod-autoscaler";
  private static final String METRICS = "/apis/external.metrics.k8s.io/v1beta1/namespaces/";
  private static final String SELECTOR = "?labelSelector=scaledobject.keda.sh%2Fname%3Dworker";
  private static final TestPki FRONT_PROXY_CA = new TestPki("front-proxy-ca");
  private static final TestPki CLIENT_CA = new TestPki("client-ca");
  private static final TestPki OTHER_CA = new TestPki("other-ca");
  private static final List<AuthorizationAttributes> REVIEWED = new CopyOnWriteArrayList<>();

  private static Vertx vertx;
  private static RunningAdapter adapter;
  private static HttpClient frontProxy;
  private static HttpClient anonymous;

  /** Allows alice and the HPA, except metric {@code s0-denied}. */
  private static final Authorizer AUTHORIZER =
      a -> {
        REVIEWED.add(a);
        boolean known = a.user().name().equals("alice") || a.user().name().equals(HPA);
        return CompletableFuture.completedFuture(
            known && !a.resource().equals("s0-denied")
                ? AuthorizationDecision.allow()
                : AuthorizationDecision.deny(""));
      };

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    TestSources source =
        new TestSources()
            .put("default", "worker", MetricValue.ofCount("s0-rabbitmq-orders", 42))
            .put("default", "worker", MetricValue.ofDouble("s1-half", 0.5))
            .put("default", "worker", MetricValue.ofCount("s0-denied", 1));
    AdapterOptions options =
        AdapterOptions.defaults()
            .withListen("127.0.0.1", 0)
            .withRequestHeader(
                RequestHeaderConfig.standard(
                    List.of(FRONT_PROXY_CA.ca()), List.of("front-proxy-client")))
            .withClientCa(List.of(CLIENT_CA.ca()))
            .withMetricReadTimeout(Duration.ofMillis(500))
            .withAuthCacheTtl(Duration.ZERO);
    adapter =
        MetricsAdapterServer.start(
                vertx,
                options,
                source,
                token ->
                    CompletableFuture.completedFuture(
                        token.equals("good-token")
                            ? TokenReviewResult.authenticated(UserInfo.of("alice", List.of()))
                            : TokenReviewResult.rejected("unknown token")),
                AUTHORIZER)
            .toCompletableFuture()
            .join();
    frontProxy = client(FRONT_PROXY_CA.client("front-proxy-client"));
    anonymous = client(null);
  }

  @AfterAll
  static void stop() {
    adapter.close().toCompletableFuture().join();
    vertx.close().await();
  }

  @BeforeEach
  void clearReviews() {
    REVIEWED.clear();
  }

  private static HttpClient client(KeyMaterial identity) {
    return HttpClient.newBuilder()
        .sslContext(TestPki.clientContext(identity))
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  private static HttpResponse<String> get(HttpClient c, String path, String... headers) {
    return send(c, "GET", path, headers);
  }

  private static HttpResponse<String> send(
      HttpClient c, String method, String path, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + adapter.port() + path))
            .timeout(Duration.ofSeconds(10))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      b.headers(headers);
    }
    try {
      return c.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError("request failed: " + path, e);
    }
  }

  private static HttpResponse<String> asHpa(String path) {
    return get(
        frontProxy,
        path,
        "X-Remote-User",
        HPA,
        "X-Remote-Group",
        "system:serviceaccounts",
        "Accept",
        "application/vnd.kubernetes.protobuf, */*");
  }

  private static JsonObject json(HttpResponse<String> r) {
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    return new JsonObject(r.body());
  }

  private static void assertStatus(HttpResponse<String> r, int code, String reason, String msg) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(code);
    JsonObject s = json(r);
    assertThat(s.getString("kind")).isEqualTo("Status");
    assertThat(s.getString("status")).isEqualTo("Failure");
    assertThat(s.getInteger("code")).isEqualTo(code);
    assertThat(s.getString("reason")).isEqualTo(reason);
    assertThat(s.getString("message")).startsWith(msg);
  }

  @Test
  void discoveryAnswersJsonEvenWhenProtobufIsPreferred() {
    HttpResponse<String> r = asHpa("/apis/external.metrics.k8s.io/v1beta1");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject list = json(r);
    assertThat(list.getString("kind")).isEqualTo("APIResourceList");
    assertThat(list.getJsonArray("resources")).hasSize(1);
    assertThat(json(asHpa("/apis")).getString("kind")).isEqualTo("APIGroupList");
    assertThat(json(asHpa("/apis/external.metrics.k8s.io")).getString("kind"))
        .isEqualTo("APIGroup");
    assertThat(json(asHpa("/version")).getString("major")).isEqualTo("1");
    assertThat(r.sslSession().orElseThrow().getProtocol()).isIn("TLSv1.2", "TLSv1.3");
  }

  @Test
  void metricReadReturnsKedasListAndAsksForListOnTheMetric() {
    HttpResponse<String> r = asHpa(METRICS + "default/s0-rabbitmq-orders" + SELECTOR);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonObject list = json(r);
    assertThat(list.getString("kind")).isEqualTo("ExternalMetricValueList");
    assertThat(list.getString("apiVersion")).isEqualTo("external.metrics.k8s.io/v1beta1");
    JsonObject item = list.getJsonArray("items").getJsonObject(0);
    assertThat(item.getString("metricName")).isEqualTo("s0-rabbitmq-orders");
    assertThat(item.getString("value")).isEqualTo("42");
    assertThat(item.containsKey("metricLabels")).isTrue();
    assertThat(item.getValue("metricLabels")).isNull();
    assertThat(item.getString("timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    AuthorizationAttributes a = REVIEWED.get(0);
    assertThat(a.user().name()).isEqualTo(HPA);
    assertThat(a.verb()).isEqualTo("list");
    assertThat(a.resource()).isEqualTo("s0-rabbitmq-orders");
    assertThat(a.namespace()).isEqualTo("default");
    assertThat(
            json(asHpa(METRICS + "default/s1-half" + SELECTOR))
                .getJsonArray("items")
                .getJsonObject(0)
                .getString("value"))
        .isEqualTo("500m");
  }

  @Test
  void prettyMetricReadIsTheSameListIndented() {
    HttpResponse<String> compact = asHpa(METRICS + "default/s0-rabbitmq-orders" + SELECTOR);
    HttpResponse<String> pretty =
        asHpa(METRICS + "default/s0-rabbitmq-orders" + SELECTOR + "&pretty=true");
    assertThat(pretty.statusCode()).as(pretty.body()).isEqualTo(200);
    assertThat(pretty.body()).contains("\n  \"kind\" : \"ExternalMetricValueList\"");
    assertThat(json(pretty).getJsonArray("items").getJsonObject(0).getString("value"))
        .isEqualTo("42");
    assertThat(compact.body()).doesNotContain("\n  ").endsWith("}\n");
  }

  @Test
  void selectorProblemsAreKedasErrors() {
    String path = METRICS + "default/s0-rabbitmq-orders";
    assertStatus(asHpa(path), 500, null, "scaledObject name is not specified");
    assertStatus(asHpa(path + "?labelSelector=app%3Dfoo"), 500, null, "scaledObject name is not");
    assertStatus(
        asHpa(path + "?labelSelector=scaledobject.keda.sh%2Fname%20in%20(a,b)"),
        500,
        null,
        "invalid selector");
    assertStatus(asHpa(path + "?labelSelector=a%3D(b"), 400, "BadRequest", "unable to parse");
  }

  @Test
  void sourceErrorsAreErrorStatusesNeverZero() {
    assertStatus(
        asHpa(METRICS + "default/s0-boom" + SELECTOR),
        500,
        null,
        "rpc error: code = Unknown desc = error when getting metric values metric:s0-boom"
            + " encountered error");
    assertStatus(
        asHpa(METRICS + "other/s0-rabbitmq-orders" + SELECTOR),
        500,
        null,
        "rpc error: code = Unknown desc = error when getting metric values scaledobjects.keda.sh"
            + " \"worker\" not found");
  }

  @Test
  void hangingSourceDelaysOnlyItsOwnMetricThenFails() throws Exception {
    long start = System.nanoTime();
    CompletableFuture<HttpResponse<String>> hanging =
        CompletableFuture.supplyAsync(() -> asHpa(METRICS + "default/s0-hang" + SELECTOR));
    HttpResponse<String> fast = asHpa(METRICS + "default/s0-rabbitmq-orders" + SELECTOR);
    assertThat(fast.statusCode()).isEqualTo(200);
    assertThat(hanging).as("the fast read must not wait for the hanging one").isNotDone();
    HttpResponse<String> slow = hanging.get();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(450));
    assertStatus(
        slow, 500, null, "rpc error: code = DeadlineExceeded desc = context deadline exceeded");
  }

  @Test
  void anonymousMetricReadIsForbidden() {
    assertStatus(
        get(anonymous, METRICS + "default/s0-rabbitmq-orders" + SELECTOR),
        403,
        "Forbidden",
        "s0-rabbitmq-orders.external.metrics.k8s.io is forbidden: User \"system:anonymous\""
            + " cannot list resource \"s0-rabbitmq-orders\" in API group"
            + " \"external.metrics.k8s.io\" in the namespace \"default\"");
  }

  @Test
  void certificateFromAnotherCaIsUnauthorized() {
    HttpClient stranger = client(OTHER_CA.client("front-proxy-client"));
    assertStatus(get(stranger, "/apis", "X-Remote-User", HPA), 401, "Unauthorized", "Unauthorized");
  }

  @Test
  void frontProxyCertificateWithUnlistedCnIsUnauthorized() {
    HttpClient other = client(FRONT_PROXY_CA.client("not-the-aggregator"));
    assertStatus(get(other, "/apis", "X-Remote-User", HPA), 401, "Unauthorized", "Unauthorized");
  }

  @Test
  void frontProxyRequestWithoutUserIsUnauthorized() {
    assertStatus(get(frontProxy, "/apis"), 401, "Unauthorized", "Unauthorized");
  }

  @Test
  void tokens() {
    HttpResponse<String> ok =
        get(
            anonymous,
            "/apis/external.metrics.k8s.io/v1beta1",
            "Authorization",
            "Bearer good-token");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(REVIEWED.get(0).user().name()).isEqualTo("alice");
    assertThat(REVIEWED.get(0).verb()).isEqualTo("get");
    assertThat(REVIEWED.get(0).resourceRequest()).isFalse();
    HttpResponse<String> bad = get(anonymous, "/apis", "Authorization", "Bearer bad-token");
    assertStatus(bad, 401, "Unauthorized", "Unauthorized");
    assertThat(bad.body()).doesNotContain("bad-token");
  }

  @Test
  void subjectAccessReviewDenialIsForbidden() {
    assertStatus(
        get(
            anonymous,
            METRICS + "default/s0-denied" + SELECTOR,
            "Authorization",
            "Bearer good-token"),
        403,
        "Forbidden",
        "s0-denied.external.metrics.k8s.io is forbidden: User \"alice\" cannot list resource"
            + " \"s0-denied\"");
  }

  @Test
  void clientCaCertificateInSystemMastersSkipsTheReview() {
    HttpClient admin = client(CLIENT_CA.client("root", "system:masters"));
    assertThat(get(admin, METRICS + "default/s0-denied" + SELECTOR).statusCode()).isEqualTo(200);
    assertThat(REVIEWED).isEmpty();
  }

  @Test
  void healthWithoutCredentials() {
    for (String p : List.of("/healthz", "/livez", "/readyz")) {
      HttpResponse<String> r = get(anonymous, p);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("ok");
    }
    assertThat(asHpa("/readyz?verbose").body())
        .contains("[+]ping ok")
        .endsWith("readyz check passed");
    assertThat(asHpa("/healthz/ping").body()).isEqualTo("ok");
    assertThat(REVIEWED).extracting(AuthorizationAttributes::path).containsExactly("/healthz/ping");
  }

  @Test
  void unknownPathsAndMethods() {
    assertStatus(
        asHpa("/apis/external.metrics.k8s.io/v1beta1/s0-x"),
        404,
        "NotFound",
        "the server could not find the requested resource");
    assertStatus(asHpa("/nope"), 404, "NotFound", "the server could not find");
    assertStatus(
        send(frontProxy, "POST", METRICS + "default/s0-rabbitmq-orders", "X-Remote-User", HPA),
        405,
        "MethodNotAllowed",
        "the server does not allow this method");
  }

  @Test
  void openApiWithEtags() {
    HttpResponse<String> v2 = asHpa("/openapi/v2");
    assertThat(v2.statusCode()).isEqualTo(200);
    assertThat(json(v2).getString("swagger")).isEqualTo("2.0");
    String etag = v2.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again =
        get(frontProxy, "/openapi/v2", "X-Remote-User", HPA, "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    String url =
        json(asHpa("/openapi/v3"))
            .getJsonObject("paths")
            .getJsonObject("apis/external.metrics.k8s.io/v1beta1")
            .getString("serverRelativeURL");
    assertThat(json(asHpa(url)).getString("openapi")).isEqualTo("3.0.0");
  }

  @Test
  void ownMetricsUseTheApiserverNames() {
    asHpa(METRICS + "default/s0-rabbitmq-orders" + SELECTOR);
    HttpResponse<String> r = asHpa("/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("apiserver_request_total{")
        .contains("resource=\"externalmetrics\"")
        .contains("verb=\"LIST\"")
        .contains("apiserver_request_duration_seconds_bucket{");
    assertThat(adapter.meterRegistry().scrape()).contains("apiserver_request_total");
  }
}
