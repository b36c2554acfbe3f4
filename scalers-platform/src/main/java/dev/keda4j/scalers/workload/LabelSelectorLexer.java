package dev.keda4j.scalers.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** apimachinery's {@code labels.Lexer}: identifiers, keywords and the operator symbols. */
final class LabelSelectorLexer {
  /** Token kinds of apimachinery's selector grammar. */
  enum Kind {
    ERROR,
    END,
    CLOSED_PAR,
    COMMA,
    DOES_NOT_EXIST,
    DOUBLE_EQUALS,
    EQUALS,
    GREATER_THAN,
    IDENTIFIER,
    IN,
    LESS_THAN,
    NOT_EQUALS,
    NOT_IN,
    OPEN_PAR
  }

  /**
   * One token.
   *
   * @param kind what it is
   * @param literal the text
   */
  record Token(Kind kind, String literal) {}

  private static final Map<String, Kind> LITERALS =
      Map.ofEntries(
          Map.entry(")", Kind.CLOSED_PAR),
          Map.entry(",", Kind.COMMA),
          Map.entry("!", Kind.DOES_NOT_EXIST),
          Map.entry("==", Kind.DOUBLE_EQUALS),
          Map.entry("=", Kind.EQUALS),
          Map.entry(">", Kind.GREATER_THAN),
          Map.entry("in", Kind.IN),
          Map.entry("<", Kind.LESS_THAN),
          Map.entry("!=", Kind.NOT_EQUALS),
          Map.entry("notin", Kind.NOT_IN),
          Map.entry("(", Kind.OPEN_PAR));

  private final String input;
  private int pos;

  private LabelSelectorLexer(String input) {
    this.input = input;
  }

  /** Every token up to and including the END (or first ERROR) token. */
  static List<Token> tokens(String input) {
    LabelSelectorLexer lexer = new LabelSelectorLexer(input);
    List<Token> out = new ArrayList<>();
    while (true) {
      Token t = lexer.next();
      out.add(t);
      if (t.kind() == Kind.END || t.kind() == Kind.ERROR) {
        return out;
      }
    }
  }

  private Token next() {
    while (pos < input.length() && isWhitespace(input.charAt(pos))) {
      pos++;
    }
    if (pos >= input.length()) {
      return new Token(Kind.END, "");
    }
    return isSpecial(input.charAt(pos)) ? special() : identifierOrKeyword();
  }

  private Token identifierOrKeyword() {
    int start = pos;
    while (pos < input.length()
        && !isSpecial(input.charAt(pos))
        && !isWhitespace(input.charAt(pos))) {
      pos++;
    }
    String s = input.substring(start, pos);
    Kind k = LITERALS.get(s);
    return new Token(k != null ? k : Kind.IDENTIFIER, s);
  }

  /** The longest run of symbols that still forms an operator, like apimachinery's scanner. */
  private Token special() {
    StringBuilder buffer = new StringBuilder();
    Token last = null;
    while (pos < input.length() && isSpecial(input.charAt(pos))) {
      buffer.append(input.charAt(pos));
      Kind k = LITERALS.get(buffer.toString());
      if (k != null) {
        last = new Token(k, buffer.toString());
      } else if (last != null) {
        break;
      }
      pos++;
    }
    if (last == null) {
      return new Token(Kind.ERROR, "error expected: keyword found '" + buffer + "'");
    }
    return last;
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static boolean isSpecial(char c) {
    return c == '=' || c == '!' || c == '(' || c == ')' || c == ',' || c == '>' || c == '<';
  }
}
