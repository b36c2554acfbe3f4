package dev.keda4j.adapter.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.adapter.AdapterOptions;
import dev.keda4j.adapter.MetricsAdapterServer;
import dev.keda4j.adapter.RunningAdapter;
import dev.keda4j.adapter.testing.TestPki;
import dev.keda4j.adapter.testing.TestSources;
import dev.keda4j.adapter.tls.KeyMaterial;
import dev.keda4j.adapter.tls.Pem;
import dev.keda4j.testkit.kube.KubeApi;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The requestheader settings of {@code extension-apiserver-authentication} are re-read when the
 * ConfigMap changes, and the running adapter swaps them: a front-proxy certificate of the old CA is
 * refused afterwards, one of the new CA accepted.
 */
class ExtensionAuthenticationReloadIT {
  @RegisterExtension static KubeApi kube = KubeApi.create();

  private static final TestPki OLD_CA = new TestPki("front-proxy-ca-1");
  private static final TestPki NEW_CA = new TestPki("front-proxy-ca-2");

  private static Map<String, String> data(TestPki ca, String allowedName) {
    return Map.of(
        "requestheader-client-ca-file", Pem.encode(ca.ca()),
        "requestheader-allowed-names", "[\"" + allowedName + "\"]",
        "requestheader-username-headers", "[\"X-Remote-User\"]",
        "requestheader-group-headers", "[\"X-Remote-Group\"]",
        "requestheader-extra-headers-prefix", "[\"X-Remote-Extra-\"]");
  }

  private static void write(Map<String, String> data) throws Exception {
    CoreV1Api api = new CoreV1Api(kube.apiClient());
    V1ConfigMap cm =
        new V1ConfigMap()
            .metadata(
                new V1ObjectMeta()
                    .name(ExtensionAuthenticationWatcher.NAME)
                    .namespace(kube.namespace()))
            .data(data);
    try {
      V1ConfigMap current =
          api.readNamespacedConfigMap(ExtensionAuthenticationWatcher.NAME, kube.namespace())
              .execute();
      cm.getMetadata().setResourceVersion(current.getMetadata().getResourceVersion());
      api.replaceNamespacedConfigMap(ExtensionAuthenticationWatcher.NAME, kube.namespace(), cm)
          .execute();
    } catch (io.kubernetes.client.openapi.ApiException e) {
      if (e.getCode() != 404) {
        throw e;
      }
      api.createNamespacedConfigMap(kube.namespace(), cm).execute();
    }
  }

  private static int status(RunningAdapter adapter, KeyMaterial identity) throws Exception {
    HttpClient client = HttpClient.newBuilder().sslContext(TestPki.clientContext(identity)).build();
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + adapter.port() + "/apis"))
            .header("X-Remote-User", "system:serviceaccount:kube-system:horizontal-pod-autoscaler")
            .timeout(Duration.ofSeconds(10))
            .build();
    return client.send(req, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  @Test
  void changedConfigMapIsSwappedIntoTheRunningAdapter() throws Exception {
    write(data(OLD_CA, "front-proxy-client"));
    List<ExtensionApiserverAuthentication> handedOver = new ArrayList<>();
    Vertx vertx = Vertx.vertx();
    RunningAdapter[] running = new RunningAdapter[1];
    try (ExtensionAuthenticationWatcher watcher =
        new ExtensionAuthenticationWatcher(
            kube.apiClient(),
            kube.namespace(),
            s -> {
              handedOver.add(s);
              running[0].updateAuthentication(s);
            })) {
      ExtensionApiserverAuthentication initial = watcher.readInitial().orElseThrow();
      assertThat(initial.requestHeader().clientCa()).containsExactly(OLD_CA.ca());
      RunningAdapter adapter =
          MetricsAdapterServer.start(
                  vertx,
                  AdapterOptions.defaults()
                      .withListen("127.0.0.1", 0)
                      .withRequestHeader(initial.requestHeader())
                      .withAnonymousAuth(false),
                  new TestSources(),
                  null,
                  a -> CompletableFuture.completedFuture(AuthorizationDecision.allow()))
              .toCompletableFuture()
              .join();
      running[0] = adapter;
      KeyMaterial oldProxy = OLD_CA.client("front-proxy-client");
      KeyMaterial newProxy = NEW_CA.client("aggregator");
      assertThat(status(adapter, oldProxy)).isEqualTo(200);
      assertThat(status(adapter, newProxy)).isEqualTo(401);

      assertThat(watcher.checkNow()).as("unchanged ConfigMap").isFalse();
      assertThat(handedOver).isEmpty();

      write(data(NEW_CA, "aggregator"));
      assertThat(watcher.checkNow()).isTrue();
      assertThat(handedOver).hasSize(1);
      assertThat(handedOver.get(0).requestHeader().allowedNames()).containsExactly("aggregator");
      assertThat(status(adapter, oldProxy)).isEqualTo(401);
      assertThat(status(adapter, newProxy)).isEqualTo(200);

      // a broken version keeps the settings in use
      write(Map.of("requestheader-client-ca-file", "not a certificate"));
      assertThat(watcher.checkNow()).isFalse();
      assertThat(handedOver).hasSize(1);
      assertThat(status(adapter, newProxy)).isEqualTo(200);
      adapter.close().toCompletableFuture().join();
    } finally {
      vertx.close().await();
    }
  }
}
