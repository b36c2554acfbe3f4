package dev.keda4j.scalers.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantityTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "2.0, 2",
    "1.5, 1500m",
    "0.001, 1m",
    "0.0004, 0",
    "0.0005, 1m",
    "0.0015, 2m",
    "0, 0",
    "-1, 0",
    "NaN, 0",
    "Infinity, 0",
    "-Infinity, 0",
    "1000, 1k",
    "1500, 1500",
    "2000000, 2M",
    "1000.5, 1000500m",
    "12345.678, 12345678m",
    "2.43, 2430m"
  })
  void fromDoubleIsKedasMilliQuantity(double in, String expected) {
    assertThat(Quantity.fromDouble(in).toString()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"0, 0", "5, 5", "10, 10", "1000, 1k", "-5, -5", "3000000000, 3G", "50, 50"})
  void integerTargets(long in, String expected) {
    assertThat(Quantity.of(in).toString()).isEqualTo(expected);
    assertThat(Quantity.of(in).milliValue()).isEqualTo(in * 1000);
  }

  @ParameterizedTest(name = "{0}m -> {1}")
  @CsvSource({"1500, 1500m", "1000, 1", "1, 1m", "1000000, 1k", "-500, -500m"})
  void milli(long milli, String expected) {
    assertThat(Quantity.ofMilli(milli).toString()).isEqualTo(expected);
  }
}
