package dev.keda4j.scalers.workload;

import dev.keda4j.scalers.workload.LabelSelectorLexer.Kind;
import dev.keda4j.scalers.workload.LabelSelectorLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * apimachinery's {@code labels.Parse}: equality ({@code a=b}, {@code a==b}, {@code a!=b}),
 * set-based ({@code a in (x,y)}, {@code a notin (x)}), existence ({@code a}, {@code !a}) and {@code
 * a>1}/{@code a<1}. Only validates: the API server evaluates the selector itself.
 */
final class LabelSelectorParser {
  private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern DNS1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final String BINARY_OPERATORS = "=, ==, !=, in, notin, >, <";

  private final List<Token> tokens;
  private int position;

  private LabelSelectorParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  /**
   * Checks {@code selector}.
   *
   * @throws IllegalArgumentException with apimachinery's message (e.g. {@code unable to parse
   *     requirement: found '', expected: identifier})
   */
  static void validate(String selector) {
    new LabelSelectorParser(LabelSelectorLexer.tokens(selector)).parse();
  }

  private void parse() {
    while (true) {
      Token t = lookahead(true);
      switch (t.kind()) {
        case IDENTIFIER, DOES_NOT_EXIST -> {
          try {
            requirement();
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unable to parse requirement: " + e.getMessage(), e);
          }
          Token after = consume(true);
          if (after.kind() == Kind.END) {
            return;
          }
          if (after.kind() != Kind.COMMA) {
            throw new IllegalArgumentException(
                "found '" + after.literal() + "', expected: ',' or 'end of string'");
          }
          Token next = lookahead(true);
          if (next.kind() != Kind.IDENTIFIER && next.kind() != Kind.DOES_NOT_EXIST) {
            throw new IllegalArgumentException(
                "found '" + next.literal() + "', expected: identifier after ','");
          }
        }
        case END -> {
          return;
        }
        default ->
            throw new IllegalArgumentException(
                "found '" + t.literal() + "', expected: !, identifier, or 'end of string'");
      }
    }
  }

  private void requirement() {
    boolean doesNotExist = false;
    Token key = consume(true);
    if (key.kind() == Kind.DOES_NOT_EXIST) {
      doesNotExist = true;
      key = consume(true);
    }
    if (key.kind() != Kind.IDENTIFIER) {
      throw new IllegalArgumentException("found '" + key.literal() + "', expected: identifier");
    }
    validateKey(key.literal());
    Kind next = lookahead(true).kind();
    if (doesNotExist || next == Kind.END || next == Kind.COMMA) {
      return;
    }
    Token op = consume(false);
    List<String> values =
        switch (op.kind()) {
          case IN, NOT_IN -> setValues();
          case EQUALS, DOUBLE_EQUALS, NOT_EQUALS, GREATER_THAN, LESS_THAN -> exactValue();
          default ->
              throw new IllegalArgumentException(
                  "found '" + op.literal() + "', expected: " + BINARY_OPERATORS);
        };
    if ((op.kind() == Kind.GREATER_THAN || op.kind() == Kind.LESS_THAN)
        && !values.get(0).matches("[+-]?[0-9]+")) {
      throw new IllegalArgumentException(
          "values[0]: Invalid value: \""
              + values.get(0)
              + "\": for 'Gt', 'Lt' operators, the value must be an integer");
    }
    for (String v : values) {
      validateValue(key.literal(), v);
    }
  }

  private List<String> setValues() {
    Token open = consume(true);
    if (open.kind() != Kind.OPEN_PAR) {
      throw new IllegalArgumentException("found '" + open.literal() + "' expected: '('");
    }
    Token t = lookahead(true);
    switch (t.kind()) {
      case IDENTIFIER, COMMA -> {
        List<String> values = identifiers();
        if (consume(true).kind() != Kind.CLOSED_PAR) {
          throw new IllegalArgumentException("found '" + t.literal() + "', expected: ')'");
        }
        return values;
      }
      case CLOSED_PAR -> {
        consume(true);
        return List.of("");
      }
      default ->
          throw new IllegalArgumentException(
              "found '" + t.literal() + "', expected: ',', ')' or identifier");
    }
  }

  /** The values of {@code (a,b)}; empty elements ({@code (,a)}) stand for the empty value. */
  private List<String> identifiers() {
    TreeSet<String> values = new TreeSet<>();
    while (true) {
      Token t = consume(true);
      if (t.kind() == Kind.IDENTIFIER) {
        values.add(t.literal());
        Token next = lookahead(true);
        if (next.kind() == Kind.CLOSED_PAR) {
          return new ArrayList<>(values);
        }
        if (next.kind() != Kind.COMMA) {
          throw new IllegalArgumentException(
              "found '" + next.literal() + "', expected: ',' or ')'");
        }
      } else if (t.kind() == Kind.COMMA) {
        if (values.isEmpty()) {
          values.add("");
        }
        Kind next = lookahead(true).kind();
        if (next == Kind.CLOSED_PAR) {
          values.add("");
          return new ArrayList<>(values);
        }
        if (next == Kind.COMMA) {
          consume(true);
          values.add("");
        }
      } else {
        throw new IllegalArgumentException(
            "found '" + t.literal() + "', expected: ',', or identifier");
      }
    }
  }

  private List<String> exactValue() {
    Kind next = lookahead(true).kind();
    if (next == Kind.END || next == Kind.COMMA) {
      return List.of("");
    }
    Token t = consume(true);
    if (t.kind() != Kind.IDENTIFIER) {
      throw new IllegalArgumentException("found '" + t.literal() + "', expected: identifier");
    }
    return List.of(t.literal());
  }

  /** In value positions the keywords {@code in}/{@code notin} are plain identifiers. */
  private Token lookahead(boolean values) {
    Token t = tokens.get(Math.min(position, tokens.size() - 1));
    if (values && (t.kind() == Kind.IN || t.kind() == Kind.NOT_IN)) {
      return new Token(Kind.IDENTIFIER, t.literal());
    }
    return t;
  }

  private Token consume(boolean values) {
    Token t = lookahead(values);
    if (position < tokens.size() - 1) {
      position++;
    }
    return t;
  }

  /** {@code validation.IsQualifiedName}: optional DNS-1123 subdomain prefix, a 63-char name. */
  private static void validateKey(String key) {
    String[] parts = key.split("/", -1);
    String name = parts[parts.length - 1];
    List<String> problems = new ArrayList<>();
    if (parts.length > 2) {
      problems.add(
          "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must"
              + " start and end with an alphanumeric character with an optional DNS subdomain"
              + " prefix and '/' (e.g. 'example.com/MyName')");
    } else {
      if (parts.length == 2) {
        String prefix = parts[0];
        if (prefix.isEmpty()) {
          problems.add("prefix part must be non-empty");
        } else if (prefix.length() > 253 || !DNS1123_SUBDOMAIN.matcher(prefix).matches()) {
          problems.add(
              "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric"
                  + " characters, '-' or '.', and must start and end with an alphanumeric"
                  + " character");
        }
      }
      if (name.isEmpty()) {
        problems.add("name part must be non-empty");
      } else if (name.length() > 63) {
        problems.add("name part must be no more than 63 characters");
      } else if (!NAME.matcher(name).matches()) {
        problems.add(
            "name part must consist of alphanumeric characters, '-', '_' or '.', and must start"
                + " and end with an alphanumeric character");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "key: Invalid value: \"" + key + "\": " + String.join("; ", problems));
    }
  }

  /** {@code validation.IsValidLabelValue}: empty, or a 63-char name. */
  private static void validateValue(String key, String value) {
    if (value.isEmpty()) {
      return;
    }
    String problem = null;
    if (value.length() > 63) {
      problem = "must be no more than 63 characters";
    } else if (!NAME.matcher(value).matches()) {
      problem =
          "a valid label must be an empty string or consist of alphanumeric characters, '-', '_'"
              + " or '.', and must start and end with an alphanumeric character";
    }
    if (problem != null) {
      throw new IllegalArgumentException(
          "values[" + key + "]: Invalid value: \"" + value + "\": " + problem);
    }
  }
}
