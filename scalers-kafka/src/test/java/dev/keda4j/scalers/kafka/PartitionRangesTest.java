package dev.keda4j.scalers.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** scalers.md "Test cases worth having" 5. */
class PartitionRangesTest {
  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of("1", List.of(1)),
        Arguments.of(" 1 , 2 , 3 ", List.of(1, 2, 3)),
        Arguments.of("1-4", List.of(1, 2, 3, 4)),
        Arguments.of("3-3", List.of(3)),
        Arguments.of("1-4,8,10-12", List.of(1, 2, 3, 4, 8, 10, 11, 12)),
        Arguments.of("0", List.of(0)),
        Arguments.of(" 2 - 3 ", List.of(2, 3)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void parses(String value, List<Integer> expected) {
    assertThat(PartitionRanges.parse(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"a,b,c", "1-2-3", "a-3", "1-b", "", "1,", "-1", "4-1", "1.5"})
  void rejects(String value) {
    assertThatThrownBy(() -> PartitionRanges.parse(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid partition limitation: " + value);
  }
}
