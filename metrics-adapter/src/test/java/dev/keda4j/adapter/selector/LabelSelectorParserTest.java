package dev.keda4j.adapter.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelSelectorParserTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "scaledobject.keda.sh/name=worker | scaledobject.keda.sh/name=worker",
        "b=2,a=1 | a=1,b=2",
        "' a = 1 ' | a=1",
        "a==1 | a==1",
        "a!=1 | a!=1",
        "a | a",
        "!a | !a",
        "a in (y, x) | a in (x,y)",
        "a notin (x) | a notin (x)",
        "a>3 | a>3",
        "a=  | a=",
      })
  void parsesToCanonicalForm(String selector, String canonical) throws SelectorException {
    assertThat(LabelSelectorParser.parse(selector).toString()).isEqualTo(canonical.strip());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a=1, | found ''",
        "a in (x | expected: ')'",
        "a in () | values set can't be empty",
        "a=b c | Invalid value: \"b c\"",
        "-a=1 | key: Invalid value: \"-a\"",
        "a>x | must be an integer",
        "a ~ b | expected: in, notin",
      })
  void rejectsMalformedSelectors(String selector, String fragment) {
    assertThatThrownBy(() -> LabelSelectorParser.parse(selector))
        .isInstanceOf(SelectorException.class)
        .hasMessageStartingWith("unable to parse requirement: ")
        .hasMessageContaining(fragment.strip());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "scaledobject.keda.sh/name in (a,b) | invalid selector: [scaledobject.keda.sh/name in (a]",
        "a in (x) | invalid selector: [a in (x)]",
        "a==1 | invalid selector: [a  1]",
        "a | invalid selector: [a]",
        "a!=1 | key: Invalid value: \"a!\"",
      })
  void mapConversionAcceptsOnlyEquality(String selector, String message) throws Exception {
    LabelSelector parsed = LabelSelectorParser.parse(selector);
    assertThatThrownBy(() -> LabelSelectorParser.toLabelsMap(parsed))
        .isInstanceOf(SelectorException.class)
        .hasMessageStartingWith(message.strip());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'' | {}",
        "a=1,b=2 | {a=1, b=2}",
        "scaledobject.keda.sh/name=w | {scaledobject.keda.sh/name=w}"
      })
  void convertsEqualityToMap(String selector, String map) throws Exception {
    assertThat(LabelSelectorParser.toLabelsMap(LabelSelectorParser.parse(selector)))
        .hasToString(map.strip());
  }
}
