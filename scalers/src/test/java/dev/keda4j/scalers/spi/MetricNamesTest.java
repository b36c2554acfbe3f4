package dev.keda4j.scalers.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricNamesTest {

  @ParameterizedTest(name = "{0}/{1} -> {2}")
  @CsvSource({
    "0, redis-mylist, s0-redis-mylist",
    "1, redis-mylist, s1-redis-mylist",
    "0, redis-streams-my-stream, s0-redis-streams-my-stream",
    "1, rabbitmq-namespace/name, s1-rabbitmq-namespace-name",
    "2, 'a.b:c%d(e)f', s2-a-b-c-d-e-f",
    "3, keep_under-score, s3-keep_under-score"
  })
  void namesFollowKeda(int index, String base, String expected) {
    assertThat(MetricNames.forTrigger(index, base)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource({"'', AVERAGE_VALUE", "AverageValue, AVERAGE_VALUE", "Value, VALUE"})
  void targetTypes(String in, MetricTargetType expected) {
    assertThat(MetricTargetType.forExternal(in)).isEqualTo(expected);
  }

  @Test
  void utilizationIsRejectedWithKedasMessage() {
    assertThatThrownBy(() -> MetricTargetType.forExternal("Utilization"))
        .hasMessage(
            "'Utilization' metric type is unsupported for external metrics, allowed values are"
                + " 'Value' or 'AverageValue'");
  }

  @Test
  void metricValueAndSpec() {
    assertThat(MetricValue.ofDouble("s0-x", 1.5).value().toString()).isEqualTo("1500m");
    assertThat(MetricValue.ofCount("s0-x", -3).value()).isEqualTo(Quantity.ZERO);
    MetricSpec spec = MetricSpec.external("s0-x", MetricTargetType.AVERAGE_VALUE, 50);
    assertThat(spec.sourceType()).isEqualTo(MetricSpec.SourceType.EXTERNAL);
    assertThat(spec.target().toString()).isEqualTo("50");
    assertThat(new ScalerResult(List.of(), false).values()).isEmpty();
  }

  @Test
  void contextKeyAndSecretFreeToString() {
    ScalerContext ctx =
        ScalerContext.builder("redis")
            .scalableObject("ScaledObject", "ns", "app")
            .triggerIndex(2)
            .authParams(java.util.Map.of("password", "hunter2"))
            .resolvedEnv(java.util.Map.of("PW", "hunter3"))
            .build();
    assertThat(ctx.triggerUniqueKey()).isEqualTo("ScaledObject-ns-app-2");
    assertThat(ctx.globalHttpTimeout().toMillis()).isEqualTo(3000);
    assertThat(ctx.toString()).doesNotContain("hunter2").doesNotContain("hunter3");
  }
}
