package dev.keda4j.scalers.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The first column as a number, or an error — never a silent zero. */
class QueryValuesTest {

  static Stream<Arguments> values() {
    return Stream.of(
        Arguments.of("long", 42L, 42.0),
        Arguments.of("int", 7, 7.0),
        Arguments.of("decimal", new BigDecimal("2.5"), 2.5),
        Arguments.of("double", 0.125, 0.125),
        Arguments.of("negative", -3, -3.0),
        Arguments.of("numeric text", "12.75", 12.75),
        Arguments.of("exponent text", "1e3", 1000.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void acceptsNumbers(String name, Object column, double expected) {
    QueryValues.Result r = QueryValues.toDouble(column);
    assertThat(r.ok()).isTrue();
    assertThat(r.value()).isEqualTo(expected);
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of("NULL", null, "query result is NULL"),
        Arguments.of("text", "abc", "query result \"abc\" is not a number"),
        Arguments.of("empty text", "", "is not a number"),
        Arguments.of("padded text", " 5", "is not a number"),
        Arguments.of("java suffix", "5d", "is not a number"),
        Arguments.of("boolean", Boolean.TRUE, "of type Boolean is not a number"),
        Arguments.of("NaN", Double.NaN, "is not a finite number"),
        Arguments.of("NaN text", "NaN", "is not a finite number"),
        Arguments.of("infinity", Double.POSITIVE_INFINITY, "is not a finite number"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void rejectsEverythingElse(String name, Object column, String message) {
    QueryValues.Result r = QueryValues.toDouble(column);
    assertThat(r.ok()).isFalse();
    assertThat(r.error()).contains(message);
  }
}
