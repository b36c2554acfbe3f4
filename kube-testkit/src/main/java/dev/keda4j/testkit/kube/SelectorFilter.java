package dev.keda4j.testkit.kube;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Label selectors with the full syntax ({@code a=b}, {@code a==b}, {@code a!=b}, {@code a}, {@code
 * !a}, {@code a in (x,y)}, {@code a notin (x,y)}), evaluated in the fixture: the mock ignores the
 * set-based forms and would return the list unfiltered. The proxy strips {@code labelSelector} from
 * what it forwards and filters lists and watch events with this class.
 */
final class SelectorFilter {

  private enum Op {
    EQUALS,
    NOT_EQUALS,
    EXISTS,
    NOT_EXISTS,
    IN,
    NOT_IN
  }

  private record Requirement(String key, Op op, Set<String> values) {
    boolean matches(JsonObject labels) {
      String value = labels.getValue(key) == null ? null : String.valueOf(labels.getValue(key));
      return switch (op) {
        case EQUALS, IN -> value != null && values.contains(value);
        case NOT_EQUALS, NOT_IN -> value == null || !values.contains(value);
        case EXISTS -> value != null;
        case NOT_EXISTS -> value == null;
      };
    }
  }

  private final List<Requirement> requirements;

  private SelectorFilter(List<Requirement> requirements) {
    this.requirements = requirements;
  }

  static final SelectorFilter EVERYTHING = new SelectorFilter(List.of());

  /** Parses a selector; a null or blank selector selects everything. */
  static SelectorFilter parse(String selector) {
    if (selector == null || selector.isBlank()) {
      return EVERYTHING;
    }
    List<Requirement> requirements = new ArrayList<>();
    for (String term : splitTerms(selector)) {
      requirements.add(requirement(term.trim()));
    }
    return new SelectorFilter(requirements);
  }

  private static List<String> splitTerms(String selector) {
    List<String> terms = new ArrayList<>();
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (char c : selector.toCharArray()) {
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
      if (c == ',' && depth == 0) {
        terms.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    terms.add(current.toString());
    return terms.stream().filter(t -> !t.isBlank()).toList();
  }

  private static Requirement requirement(String term) {
    String[] setBased = term.split("\\s+(?=(in|notin)\\s*\\()", 2);
    if (setBased.length == 2) {
      String rest = setBased[1].trim();
      Op op = rest.startsWith("notin") ? Op.NOT_IN : Op.IN;
      int open = rest.indexOf('(');
      int close = rest.lastIndexOf(')');
      if (open < 0 || close < open) {
        throw new IllegalArgumentException("bad label selector term: " + term);
      }
      Set<String> values = new java.util.HashSet<>();
      for (String v : rest.substring(open + 1, close).split(",")) {
        if (!v.isBlank()) {
          values.add(v.trim());
        }
      }
      return new Requirement(setBased[0].trim(), op, values);
    }
    if (term.contains("!=")) {
      String[] kv = term.split("!=", 2);
      return new Requirement(kv[0].trim(), Op.NOT_EQUALS, Set.of(kv[1].trim()));
    }
    if (term.contains("=")) {
      String[] kv = term.split("==?", 2);
      return new Requirement(kv[0].trim(), Op.EQUALS, Set.of(kv[1].trim()));
    }
    if (term.startsWith("!")) {
      return new Requirement(term.substring(1).trim(), Op.NOT_EXISTS, Set.of());
    }
    return new Requirement(term, Op.EXISTS, Set.of());
  }

  /** True when the object's {@code metadata.labels} satisfy every requirement. */
  boolean matches(JsonObject object) {
    JsonObject metadata = object == null ? null : object.getJsonObject("metadata");
    JsonObject labels = metadata == null ? null : metadata.getJsonObject("labels");
    JsonObject l = labels == null ? new JsonObject() : labels;
    return requirements.stream().allMatch(r -> r.matches(l));
  }

  boolean selectsEverything() {
    return requirements.isEmpty();
  }
}
