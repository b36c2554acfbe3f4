package dev.keda4j.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.adapter.auth.AuthorizationDecision;
import dev.keda4j.adapter.auth.TokenReviewResult;
import dev.keda4j.adapter.auth.UserInfo;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerRegistry;
import dev.keda4j.scalers.spi.ScalerResult;
import dev.keda4j.scalers.spi.ScalerRuntime;
import dev.keda4j.testkit.sources.RedisFixture;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /usr/bin/kubectl get --raw} against the adapter on a loopback port, reading the length of
 * a real Redis list through a redis scaler built by the ScalerRegistry.
 */
class KubectlIT {
  @RegisterExtension static final RedisFixture REDIS = new RedisFixture();
  private static final String NAMESPACE = "apps";
  private static final String SCALED_OBJECT = "worker";
  private static final String TOKEN = "kubectl-test-token";

  @TempDir static Path dir;
  private static Vertx vertx;
  private static ExecutorService blocking;
  private static ScalerRuntime runtime;
  private static Scaler scaler;
  private static String key;
  private static String metricName;
  private static RunningAdapter adapter;

  /** Polls the trigger's scaler on every read, like the controller's cache without caching. */
  private static final class RedisSource implements MetricsSource {
    @Override
    public CompletionStage<List<MetricValue>> read(String ns, String so, String metric) {
      if (!ns.equals(NAMESPACE) || !so.equals(SCALED_OBJECT) || !metric.equals(metricName)) {
        return CompletableFuture.failedFuture(
            new IllegalStateException("no matching metrics found for " + metric));
      }
      return scaler.poll(metric).thenApply(ScalerResult::values);
    }
  }

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    blocking = Executors.newFixedThreadPool(2);
    runtime = new ScalerRuntime(vertx, blocking);
    key = REDIS.key();
    ScalerContext ctx =
        ScalerContext.builder("redis")
            .scalableObject("ScaledObject", NAMESPACE, SCALED_OBJECT)
            .triggerIndex(0)
            .metadata(Map.of("address", REDIS.address(), "listName", key, "listLength", "5"))
            .build();
    scaler = ScalerRegistry.load().build(ctx, runtime).scaler();
    metricName = scaler.metricSpecs().get(0).metricName();
    adapter =
        MetricsAdapterServer.start(
                vertx,
                AdapterOptions.defaults().withListen("127.0.0.1", 0),
                new RedisSource(),
                token ->
                    CompletableFuture.completedFuture(
                        TOKEN.equals(token)
                            ? TokenReviewResult.authenticated(
                                UserInfo.of("kubectl-user", List.of("system:authenticated")))
                            : TokenReviewResult.rejected("")),
                a ->
                    CompletableFuture.completedFuture(
                        a.user().name().equals("kubectl-user")
                            ? AuthorizationDecision.allow()
                            : AuthorizationDecision.deny("")))
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    adapter.close().toCompletableFuture().join();
    scaler.close();
    runtime.close();
    vertx.close().await();
    blocking.shutdownNow();
  }

  private record Run(int exit, String out, String err) {}

  private static Run kubectl(String token, String path) throws Exception {
    Path config = dir.resolve("kubeconfig-" + Math.abs(token.hashCode()));
    Files.writeString(
        config,
        String.join(
            "\n",
            "apiVersion: v1",
            "kind: Config",
            "clusters:",
            "- name: adapter",
            "  cluster:",
            "    server: https://127.0.0.1:" + adapter.port(),
            "    insecure-skip-tls-verify: true",
            "users:",
            "- name: tester",
            "  user:",
            "    token: " + token,
            "contexts:",
            "- name: adapter",
            "  context: {cluster: adapter, user: tester}",
            "current-context: adapter",
            ""),
        StandardCharsets.UTF_8);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p =
        new ProcessBuilder(
                "/usr/bin/kubectl",
                "--kubeconfig",
                config.toString(),
                "--cache-dir",
                dir.resolve("cache").toString(),
                "get",
                "--raw",
                path)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("kubectl did not finish within 60 s");
    }
    return new Run(p.exitValue(), read(out), read(err));
  }

  private static String read(Path f) throws IOException {
    return Files.readString(f, StandardCharsets.UTF_8);
  }

  @Test
  void kubectlReadsTheLengthOfARedisList() throws Exception {
    REDIS.call("RPUSH", key, "a", "b", "c");
    Run run =
        kubectl(
            TOKEN,
            "/apis/external.metrics.k8s.io/v1beta1/namespaces/"
                + NAMESPACE
                + "/"
                + metricName
                + "?labelSelector=scaledobject.keda.sh%2Fname%3D"
                + SCALED_OBJECT);
    assertThat(run.exit()).as(run.err()).isZero();
    JsonObject list = new JsonObject(run.out());
    assertThat(list.getString("kind")).isEqualTo("ExternalMetricValueList");
    JsonObject item = list.getJsonArray("items").getJsonObject(0);
    assertThat(item.getString("metricName")).isEqualTo(metricName).startsWith("s0-redis-");
    assertThat(item.getString("value")).isEqualTo("3");
    REDIS.call("RPUSH", key, "d");
    Run again =
        kubectl(
            TOKEN,
            "/apis/external.metrics.k8s.io/v1beta1/namespaces/"
                + NAMESPACE
                + "/"
                + metricName
                + "?labelSelector=scaledobject.keda.sh%2Fname%3D"
                + SCALED_OBJECT);
    assertThat(
            new JsonObject(again.out()).getJsonArray("items").getJsonObject(0).getString("value"))
        .isEqualTo("4");
  }

  @Test
  void kubectlReadsDiscovery() throws Exception {
    Run run = kubectl(TOKEN, "/apis/external.metrics.k8s.io/v1beta1");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonObject list = new JsonObject(run.out());
    assertThat(list.getString("kind")).isEqualTo("APIResourceList");
    assertThat(list.getJsonArray("resources").getJsonObject(0).getString("name"))
        .isEqualTo("externalmetrics");
  }

  @Test
  void kubectlWithARejectedTokenIsUnauthorized() throws Exception {
    Run run = kubectl("not-a-valid-token", "/apis/external.metrics.k8s.io/v1beta1");
    assertThat(run.exit()).isNotZero();
    assertThat(run.err()).contains("Unauthorized");
  }
}
