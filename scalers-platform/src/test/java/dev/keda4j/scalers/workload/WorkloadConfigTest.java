package dev.keda4j.scalers.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keda4j.scalers.config.ConfigException;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.Quantity;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerRuntime;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parameters, metric names and targets of {@code kubernetes-workload}; the missing-client error.
 */
class WorkloadConfigTest {
  private static Vertx vertx;
  private static ExecutorService pool;
  private static ScalerRuntime runtime;

  @BeforeAll
  static void runtime() {
    vertx = Vertx.vertx();
    pool = Executors.newSingleThreadExecutor();
    runtime = new ScalerRuntime(vertx, pool);
  }

  @AfterAll
  static void close() {
    runtime.close();
    pool.shutdownNow();
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  private static Scaler build(ScalerContext ctx) throws ConfigException {
    WorkloadScalerProvider provider = new WorkloadScalerProvider();
    return provider.create(ctx, provider.bind(ctx).config(), runtime);
  }

  private static ScalerContext.Builder ctx(int index, String namespace, Map<String, String> md) {
    return ScalerContext.builder("kubernetes-workload")
        .scalableObject("ScaledObject", namespace, "so")
        .triggerIndex(index)
        .metadata(md);
  }

  static Stream<Arguments> specs() {
    return Stream.of(
        Arguments.of(
            "index 0, integer value",
            0,
            "default",
            "AverageValue",
            Map.of("podSelector", "app=web", "value", "2"),
            "s0-workload-default",
            MetricTargetType.AVERAGE_VALUE,
            Quantity.of(2)),
        Arguments.of(
            "index 1, float value, Value",
            1,
            "team.a",
            "Value",
            Map.of("podSelector", "app in (a,b)", "value", "0.5"),
            "s1-workload-team-a",
            MetricTargetType.VALUE,
            Quantity.ofMilli(500)),
        Arguments.of(
            "default metricType",
            2,
            "ns",
            "",
            Map.of("podSelector", "!canary", "value", "1.2345"),
            "s2-workload-ns",
            MetricTargetType.AVERAGE_VALUE,
            Quantity.ofMilli(1234)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void metricSpec(
      String name,
      int index,
      String namespace,
      String metricType,
      Map<String, String> md,
      String metricName,
      MetricTargetType type,
      Quantity target)
      throws ConfigException {
    Scaler scaler = build(ctx(index, namespace, md).metricType(metricType).build());

    assertThat(scaler.metricSpecs()).containsExactly(MetricSpec.external(metricName, type, target));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(
            "missing podSelector",
            Map.of("value", "1"),
            "error parsing kubernetes-workload metadata: missing required parameter \"podSelector\" in [triggerMetadata]"),
        Arguments.of(
            "missing value",
            Map.of("podSelector", "app=web"),
            "error parsing kubernetes-workload metadata: value must be a float greater than 0"),
        Arguments.of(
            "zero value",
            Map.of("podSelector", "app=web", "value", "0"),
            "error parsing kubernetes-workload metadata: value must be a float greater than 0"),
        Arguments.of(
            "negative value",
            Map.of("podSelector", "app=web", "value", "-1"),
            "error parsing kubernetes-workload metadata: value must be a float greater than 0"),
        Arguments.of(
            "value not a number",
            Map.of("podSelector", "app=web", "value", "many"),
            "error parsing kubernetes-workload metadata: unable to set param \"value\" value \"many\": invalid character 'm' looking for beginning of value"),
        Arguments.of(
            "activationValue not a number",
            Map.of("podSelector", "app=web", "value", "1", "activationValue", "x"),
            "error parsing kubernetes-workload metadata: unable to set param \"activationValue\" value \"x\": invalid character 'x' looking for beginning of value"),
        Arguments.of(
            "bad selector",
            Map.of("podSelector", "app in a", "value", "1"),
            "error parsing kubernetes-workload metadata: error parsing pod selector: unable to parse requirement: found 'a' expected: '('"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejected(String name, Map<String, String> md, String message) {
    assertThatThrownBy(() -> build(ctx(0, "default", md).build()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(message);
  }

  @Test
  void scalingModifiersMakeValueOptional() throws ConfigException {
    Scaler scaler =
        build(ctx(0, "default", Map.of("podSelector", "app=web")).asMetricSource(true).build());

    assertThat(scaler.metricSpecs())
        .singleElement()
        .extracting(MetricSpec::target)
        .isEqualTo(Quantity.ZERO);
  }

  @Test
  void withoutARegisteredClientThePollFails() throws ConfigException {
    Scaler scaler =
        build(ctx(0, "default", Map.of("podSelector", "app=web", "value", "1")).build());

    var poll = scaler.poll("s0-workload-default").toCompletableFuture();

    assertThat(poll.handle((r, e) -> e).join())
        .isInstanceOf(WorkloadScalerException.class)
        .hasMessage(
            "error inspecting kubernetes workload: no Kubernetes client configured"
                + " (KubernetesClientSlot.register was not called)");
  }
}
