package dev.keda4j.scalers.metricsapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KubeQuantityTest {
  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "64, 64",
    "1k, 1000",
    "1.5, 1.5",
    "500m, 0.5",
    "2Ki, 2048",
    "1Mi, 1048576",
    "3M, 3000000",
    "1E, 1e18",
    "1e3, 1000",
    "1E3, 1000",
    "-2, -2",
    "+7, 7",
    ".5, 0.5",
    "100n, 1e-7",
    "1u, 1e-6"
  })
  void parses(String in, double want) {
    assertThat(KubeQuantity.parse(in)).isCloseTo(want, org.assertj.core.data.Offset.offset(1e-12));
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"NaN", "", "abc", "1kk", "1 k", "Inf", "0x10", "1.2.3"})
  void rejects(String in) {
    assertThatThrownBy(() -> KubeQuantity.parse(in)).isInstanceOf(NumberFormatException.class);
  }
}
