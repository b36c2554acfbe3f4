package dev.keda4j.scalers.azure.servicebus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** KEDA's sum / max / integer avg over regex matches. */
class RegexOperationTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("sum", List.of(1L, 2L, 4L), 7L),
        Arguments.of("max", List.of(1L, 9L, 4L), 9L),
        Arguments.of("avg", List.of(1L, 2L, 4L), 2L),
        Arguments.of("avg", List.of(5L), 5L),
        Arguments.of("sum", List.of(), 0L),
        Arguments.of("max", List.of(), 0L),
        Arguments.of("avg", List.of(), 0L));
  }

  @ParameterizedTest(name = "{0} {1} = {2}")
  @MethodSource("cases")
  void aggregates(String op, List<Long> counts, long expected) {
    assertThat(RegexOperation.parse(op).apply(counts)).isEqualTo(expected);
  }
}
