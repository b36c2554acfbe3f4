package dev.keda4j.scalers.workload;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** apimachinery's label selector grammar: what parses and the messages of what does not. */
class LabelSelectorParserTest {

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of("equality", "app=web"),
        Arguments.of("double equals", "app==web"),
        Arguments.of("not equals", "app!=web"),
        Arguments.of("several requirements", "app=web, tier = backend"),
        Arguments.of("set-based in", "app in (a,b)"),
        Arguments.of("set-based notin with spaces", "app notin ( a , b )"),
        Arguments.of("exists", "app"),
        Arguments.of("does not exist", "!canary"),
        Arguments.of("mixed", "app in (a,b),!canary,tier"),
        Arguments.of("prefixed key", "app.kubernetes.io/name=web"),
        Arguments.of("empty value", "app="),
        Arguments.of("empty set element", "app in (,a)"),
        Arguments.of("keyword as value", "app=in"),
        Arguments.of("greater than", "replicas>3"),
        Arguments.of("empty selector", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void parses(String name, String selector) {
    assertThatCode(() -> LabelSelectorParser.validate(selector)).doesNotThrowAnyException();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(
            "in without parentheses",
            "app in a",
            "unable to parse requirement: found 'a' expected: '('"),
        Arguments.of(
            "unclosed set",
            "app in (a,b",
            "unable to parse requirement: found '', expected: ',' or ')'"),
        Arguments.of(
            "unknown operator",
            "app ~ web",
            "unable to parse requirement: found '~', expected: =, ==, !=, in, notin, >, <"),
        Arguments.of("trailing comma", "app=web,", "found '', expected: identifier after ','"),
        Arguments.of("two values", "app=web db", "found 'db', expected: ',' or 'end of string'"),
        Arguments.of(
            "starts with an operator",
            "=web",
            "found '=', expected: !, identifier, or 'end of string'"),
        Arguments.of(
            "bad key",
            "-app=web",
            "unable to parse requirement: key: Invalid value: \"-app\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"),
        Arguments.of(
            "bad value",
            "app=we$b",
            "unable to parse requirement: values[app]: Invalid value: \"we$b\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"),
        Arguments.of(
            "non-integer for >",
            "replicas>a",
            "unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer"),
        Arguments.of(
            "lone bang", "!", "unable to parse requirement: found '', expected: identifier"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejects(String name, String selector, String message) {
    assertThatThrownBy(() -> LabelSelectorParser.validate(selector))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }
}
