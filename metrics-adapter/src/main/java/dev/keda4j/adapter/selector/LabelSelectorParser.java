package dev.keda4j.adapter.selector;

import dev.keda4j.adapter.selector.LabelSelector.Operator;
import dev.keda4j.adapter.selector.LabelSelector.Requirement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses the {@code labelSelector} query parameter like {@code labels.Parse}, and converts a
 * selector to a label map like {@code labels.ConvertSelectorToLabelsMap} (what KEDA's provider does
 * with the HPA's selector).
 */
public final class LabelSelectorParser {
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
  private static final String KEY_STOP = " \t=!<>(),";

  private LabelSelectorParser() {}

  /**
   * Parses {@code selector}; empty selects everything.
   *
   * @throws SelectorException with {@code unable to parse requirement: ...} when malformed
   */
  public static LabelSelector parse(String selector) throws SelectorException {
    List<Requirement> requirements = new ArrayList<>();
    if (selector == null || selector.isBlank()) {
      return new LabelSelector(requirements);
    }
    for (String part : splitTopLevel(selector)) {
      requirements.add(requirement(part.trim()));
    }
    return new LabelSelector(requirements);
  }

  /**
   * {@code ConvertSelectorToLabelsMap(selector.String())}: every requirement must print as {@code
   * key=value}; anything else (set operators, {@code ==}, {@code !=}, existence) is an error.
   */
  public static Map<String, String> toLabelsMap(LabelSelector selector) throws SelectorException {
    Map<String, String> labels = new LinkedHashMap<>();
    String printed = selector.toString();
    if (printed.isEmpty()) {
      return labels;
    }
    for (String label : printed.split(",", -1)) {
      String[] kv = label.split("=", -1);
      if (kv.length != 2) {
        throw new SelectorException("invalid selector: " + Arrays.toString(kv).replace(", ", " "));
      }
      String key = kv[0].trim();
      String keyProblem = LabelNames.keyProblem(key);
      if (keyProblem != null) {
        throw new SelectorException("key: Invalid value: \"" + key + "\": " + keyProblem);
      }
      String value = kv[1].trim();
      String valueProblem = LabelNames.valueProblem(value);
      if (valueProblem != null) {
        throw new SelectorException("value: Invalid value: \"" + value + "\": " + valueProblem);
      }
      labels.put(key, value);
    }
    return labels;
  }

  private static List<String> splitTopLevel(String selector) throws SelectorException {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < selector.length(); i++) {
      char c = selector.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
        if (depth < 0) {
          throw fail("found ')', expected: identifier");
        }
      } else if (c == ',' && depth == 0) {
        parts.add(selector.substring(start, i));
        start = i + 1;
      }
    }
    if (depth != 0) {
      throw fail("found end of string, expected: ')'");
    }
    parts.add(selector.substring(start));
    return parts;
  }

  private static Requirement requirement(String text) throws SelectorException {
    if (text.isEmpty()) {
      throw fail("found '', expected: !, identifier, or 'end of string'");
    }
    if (text.startsWith("!")) {
      String key = text.substring(1).trim();
      validKey(key);
      return new Requirement(key, Operator.DOES_NOT_EXIST, List.of());
    }
    int end = 0;
    while (end < text.length() && KEY_STOP.indexOf(text.charAt(end)) < 0) {
      end++;
    }
    String key = text.substring(0, end);
    validKey(key);
    String rest = text.substring(end).trim();
    if (rest.isEmpty()) {
      return new Requirement(key, Operator.EXISTS, List.of());
    }
    if (rest.startsWith("==")) {
      return single(key, Operator.DOUBLE_EQUALS, rest.substring(2));
    }
    if (rest.startsWith("!=")) {
      return single(key, Operator.NOT_EQUALS, rest.substring(2));
    }
    if (rest.startsWith("=")) {
      return single(key, Operator.EQUALS, rest.substring(1));
    }
    if (rest.startsWith(">") || rest.startsWith("<")) {
      Operator op = rest.charAt(0) == '>' ? Operator.GREATER_THAN : Operator.LESS_THAN;
      String value = rest.substring(1).trim();
      if (!INTEGER.matcher(value).matches()) {
        throw fail("for 'Gt', 'Lt' operators, the value must be an integer");
      }
      return new Requirement(key, op, List.of(value));
    }
    if (rest.startsWith("notin")) {
      return set(key, Operator.NOT_IN, rest.substring("notin".length()).trim());
    }
    if (rest.startsWith("in")) {
      return set(key, Operator.IN, rest.substring("in".length()).trim());
    }
    throw fail("found '" + rest + "', expected: in, notin, =, ==, !=, gt, lt");
  }

  private static Requirement single(String key, Operator op, String rawValue)
      throws SelectorException {
    String value = rawValue.trim();
    validValue(key, value);
    return new Requirement(key, op, List.of(value));
  }

  private static Requirement set(String key, Operator op, String rest) throws SelectorException {
    if (!rest.startsWith("(") || !rest.endsWith(")")) {
      throw fail("found '" + rest + "', expected: '('");
    }
    String inner = rest.substring(1, rest.length() - 1);
    List<String> values = new ArrayList<>();
    for (String v : inner.split(",", -1)) {
      String value = v.trim();
      validValue(key, value);
      values.add(value);
    }
    if (inner.isBlank()) {
      throw fail("for 'in', 'notin' operators, values set can't be empty");
    }
    return new Requirement(key, op, values);
  }

  private static void validKey(String key) throws SelectorException {
    String problem = LabelNames.keyProblem(key);
    if (problem != null) {
      throw fail("key: Invalid value: \"" + key + "\": " + problem);
    }
  }

  private static void validValue(String key, String value) throws SelectorException {
    String problem = LabelNames.valueProblem(value);
    if (problem != null) {
      throw fail("values[0][" + key + "]: Invalid value: \"" + value + "\": " + problem);
    }
  }

  private static SelectorException fail(String reason) {
    return new SelectorException("unable to parse requirement: " + reason);
  }
}
