package dev.keda4j.scalers.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "0, 0",
    "30s, 30000000000",
    "5m, 300000000000",
    "1h30m, 5400000000000",
    "1.5s, 1500000000",
    "300ms, 300000000",
    "2us, 2000",
    "2µs, 2000",
    "7ns, 7",
    "-2m, -120000000000",
    "+1s, 1000000000"
  })
  void parses(String in, long nanos) {
    assertThat(GoDuration.parse(in)).isEqualTo(Duration.ofNanos(nanos));
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", "s", "1", "1x", "1..5s", ".s", "-"})
  void rejects(String in) {
    assertThatThrownBy(() -> GoDuration.parse(in)).hasMessageStartingWith("time: ");
  }
}
