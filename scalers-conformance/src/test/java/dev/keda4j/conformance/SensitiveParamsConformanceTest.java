package dev.keda4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.scalers.spi.ScalerRegistry;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered trigger type (not only the ones in {@code scalers/}) marks its secret-looking
 * parameters sensitive.
 */
class SensitiveParamsConformanceTest {
  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "(?i).*(password|secret|token|apikey|connectionstring|sas|keytab)$"
              + "|^key$|^keyPassword$|^connection$|^accountKey$|^sharedAccessKey$");

  static Stream<String> triggerTypes() {
    return ScalerRegistry.load().triggerTypes().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("triggerTypes")
  void secretLookingParamsAreSensitive(String type) {
    var provider = ScalerRegistry.load().provider(type).orElseThrow();
    List<ConfigParams.Info> params = ConfigParams.of(provider.configType());
    assertThat(params).as("%s declares parameters", type).isNotEmpty();
    List<String> unmarked =
        params.stream()
            .filter(p -> !p.param().sensitive())
            .filter(p -> p.names().stream().anyMatch(n -> SECRET_NAME.matcher(n).matches()))
            .map(p -> p.block() + "." + p.param().name())
            .toList();
    assertThat(unmarked).as("%s: secret-looking params without sensitive = true", type).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void theCheckCoversTheScalerModules() {
    assertThat(ScalerRegistry.load().triggerTypes())
        .contains("redis", "kafka", "apache-kafka", "rabbitmq", "azure-servicebus", "azure-queue");
  }
}
