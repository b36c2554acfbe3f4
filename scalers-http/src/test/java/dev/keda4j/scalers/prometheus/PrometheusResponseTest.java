package dev.keda4j.scalers.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keda4j.scalers.http.HttpScalerException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrometheusResponseTest {
  private static final String Q = "sum(up)";

  static Stream<Arguments> values() {
    return Stream.of(
        Arguments.of("empty body object, ignore", "{}", true, 0.0, true),
        Arguments.of("empty result, ignore", "{\"data\":{\"result\":[]}}", true, 0.0, true),
        Arguments.of(
            "one value", "{\"data\":{\"result\":[{\"value\":[\"1\",\"2\"]}]}}", false, 2.0, false),
        Arguments.of(
            "float value",
            "{\"data\":{\"result\":[{\"value\":[1.5,\"2.25\"]}]}}",
            false,
            2.25,
            false),
        Arguments.of(
            "empty value list, ignore",
            "{\"data\":{\"result\":[{\"value\":[]}]}}",
            true,
            0.0,
            true),
        Arguments.of(
            "matrix has no value, ignore",
            "{\"data\":{\"result\":[{\"values\":[[1,\"3\"]]}]}}",
            true,
            0.0,
            true),
        Arguments.of("+Inf ignored", inf("+Inf"), true, 0.0, true),
        Arguments.of("-Inf ignored", inf("-Inf"), true, 0.0, true),
        Arguments.of("NaN ignored", inf("NaN"), true, 0.0, true),
        Arguments.of("negative value", inf("-3"), false, -3.0, false),
        Arguments.of("exponent", inf("1e3"), false, 1000.0, false));
  }

  private static String inf(String v) {
    return "{\"data\":{\"result\":[{\"value\":[\"1\",\"" + v + "\"]}]}}";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void interpretsValues(String name, String body, boolean ignore, double want, boolean isNull) {
    PrometheusResponse.Reading r = PrometheusResponse.interpret(body, Q, ignore);
    assertThat(r.value()).isEqualTo(want);
    assertThat(r.nullResult()).isEqualTo(isNull);
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of("empty body object", "{}", false, PrometheusResponse.EMPTY_RESULT),
        Arguments.of(
            "empty value list",
            "{\"data\":{\"result\":[{\"value\":[]}]}}",
            false,
            PrometheusResponse.EMPTY_VALUE),
        Arguments.of(
            "one value only",
            "{\"data\":{\"result\":[{\"value\":[\"1\"]}]}}",
            true,
            "prometheus query sum(up) didn't return enough values"),
        Arguments.of(
            "two results",
            "{\"data\":{\"result\":[{\"value\":[\"1\",\"2\"]},{\"value\":[\"1\",\"3\"]}]}}",
            true,
            "prometheus query sum(up) returned multiple elements"),
        Arguments.of("+Inf", inf("+Inf"), false, "promtheus query returns +Inf"),
        Arguments.of("-Inf", inf("-Inf"), false, "promtheus query returns -Inf"),
        Arguments.of("NaN", inf("NaN"), false, "promtheus query returns NaN"),
        Arguments.of("not a number", inf("abc"), true, "invalid syntax"),
        Arguments.of("java-only float suffix", inf("1.5d"), true, "invalid syntax"),
        Arguments.of(
            "null sample",
            "{\"data\":{\"result\":[{\"value\":[\"1\",null]}]}}",
            true,
            "not a string"),
        Arguments.of(
            "scalar result",
            "{\"data\":{\"resultType\":\"scalar\",\"result\":[1,\"5\"]}}",
            true,
            "not a vector"),
        Arguments.of("not json", "<html>", true, "unparsable response"),
        Arguments.of("json array", "[1]", true, "unparsable response"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void reportsErrors(String name, String body, boolean ignore, String message) {
    assertThatThrownBy(() -> PrometheusResponse.interpret(body, Q, ignore))
        .isInstanceOf(HttpScalerException.class)
        .hasMessageContaining(message);
  }

  @Test
  void emptyResultErrorNamesTheTarget() {
    assertThatThrownBy(() -> PrometheusResponse.interpret("{}", Q, false))
        .hasMessage("prometheus metrics 'prometheus' target may be lost, the result is empty");
  }
}
