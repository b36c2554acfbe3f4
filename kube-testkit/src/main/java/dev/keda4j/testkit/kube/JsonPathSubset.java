package dev.keda4j.testkit.kube;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of Kubernetes JSONPath that CRD printer columns use: fields {@code .a.b} and {@code
 * ['a.b']}, wildcards {@code [*]}, indexes {@code [0]} and filters {@code [?(@.type=="Ready")]}
 * (also {@code !=}, quotes {@code '} or {@code "}). An optional {@code {...}} wrapper and leading
 * {@code $} are ignored. Missing keys give no result rather than an error, as with {@code
 * AllowMissingKeys(true)}.
 */
final class JsonPathSubset {

  private sealed interface Step permits Field, Wildcard, Index, Filter {}

  private record Field(String name) implements Step {}

  private record Wildcard() implements Step {}

  private record Index(int index) implements Step {}

  private record Filter(JsonPathSubset left, boolean equal, String literal) implements Step {}

  private final String source;
  private final List<Step> steps;

  private JsonPathSubset(String source, List<Step> steps) {
    this.source = source;
    this.steps = steps;
  }

  /** Parses a path; throws {@link IllegalArgumentException} outside the subset. */
  static JsonPathSubset parse(String path) {
    String p = path.trim();
    if (p.startsWith("{") && p.endsWith("}")) {
      p = p.substring(1, p.length() - 1).trim();
    }
    if (p.startsWith("$")) {
      p = p.substring(1);
    }
    List<Step> steps = new ArrayList<>();
    int i = 0;
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < p.length() && p.charAt(end) != '.' && p.charAt(end) != '[') {
          end++;
        }
        String name = p.substring(i + 1, end);
        if (name.isEmpty()) {
          throw new IllegalArgumentException("empty field name in " + path);
        }
        steps.add(name.equals("*") ? new Wildcard() : new Field(name));
        i = end;
      } else if (c == '[') {
        int end = closingBracket(p, i, path);
        steps.add(bracket(p.substring(i + 1, end).trim(), path));
        i = end + 1;
      } else {
        throw new IllegalArgumentException("unexpected '" + c + "' at " + i + " in " + path);
      }
    }
    return new JsonPathSubset(path, List.copyOf(steps));
  }

  private static int closingBracket(String p, int open, String path) {
    char quote = 0;
    int depth = 0;
    for (int j = open; j < p.length(); j++) {
      char c = p.charAt(j);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '[' || c == '(') {
        depth++;
      } else if (c == ']' || c == ')') {
        depth--;
        if (depth == 0 && c == ']') {
          return j;
        }
      }
    }
    throw new IllegalArgumentException("unclosed '[' in " + path);
  }

  private static Step bracket(String inner, String path) {
    if (inner.equals("*")) {
      return new Wildcard();
    }
    if (isQuoted(inner)) {
      return new Field(inner.substring(1, inner.length() - 1));
    }
    if (inner.startsWith("?(") && inner.endsWith(")")) {
      String expr = inner.substring(2, inner.length() - 1).trim();
      boolean equal = !expr.contains("!=");
      int op = equal ? expr.indexOf("==") : expr.indexOf("!=");
      if (op < 0 || !expr.startsWith("@")) {
        throw new IllegalArgumentException("unsupported filter " + inner + " in " + path);
      }
      String left = expr.substring(1, op).trim();
      String right = expr.substring(op + 2).trim();
      String literal = isQuoted(right) ? right.substring(1, right.length() - 1) : right;
      return new Filter(parse(left), equal, literal);
    }
    try {
      return new Index(Integer.parseInt(inner));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("unsupported [" + inner + "] in " + path, e);
    }
  }

  private static boolean isQuoted(String s) {
    return s.length() >= 2
        && (s.charAt(0) == '\'' || s.charAt(0) == '"')
        && s.charAt(s.length() - 1) == s.charAt(0);
  }

  /** Every value the path reaches in {@code root}, in document order; empty when none. */
  List<Object> find(Object root) {
    List<Object> current = new ArrayList<>();
    current.add(root);
    for (Step step : steps) {
      List<Object> next = new ArrayList<>();
      for (Object node : current) {
        apply(step, node, next);
      }
      current = next;
    }
    return current;
  }

  private static void apply(Step step, Object node, List<Object> out) {
    if (step instanceof Field f) {
      if (node instanceof JsonObject o && o.containsKey(f.name())) {
        out.add(o.getValue(f.name()));
      }
    } else if (step instanceof Wildcard) {
      if (node instanceof JsonArray a) {
        a.forEach(out::add);
      } else if (node instanceof JsonObject o) {
        o.forEach(e -> out.add(o.getValue(e.getKey())));
      }
    } else if (step instanceof Index i) {
      if (node instanceof JsonArray a) {
        int at = i.index() < 0 ? a.size() + i.index() : i.index();
        if (at >= 0 && at < a.size()) {
          out.add(a.getValue(at));
        }
      }
    } else if (step instanceof Filter f && node instanceof JsonArray a) {
      for (int j = 0; j < a.size(); j++) {
        Object element = a.getValue(j);
        boolean matches =
            f.left().find(element).stream().anyMatch(v -> f.literal().equals(text(v)));
        if (matches == f.equal()) {
          out.add(element);
        }
      }
    }
  }

  /**
   * A value as kubectl's JSONPath prints it: strings as they are, numbers and booleans as literals,
   * objects and arrays as compact JSON, null as an empty string.
   */
  static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof JsonObject o) {
      return o.encode();
    }
    if (value instanceof JsonArray a) {
      return a.encode();
    }
    if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
      return Long.toString(d.longValue());
    }
    return value.toString();
  }

  @Override
  public String toString() {
    return source;
  }
}
