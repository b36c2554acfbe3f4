package dev.keda4j.controller.scaledobject.modifiers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Translates the expr-lang subset KEDA's scalingModifiers formulas use into fully parenthesised
 * EvalEx syntax, with expr-lang's precedence: {@code let x = e; body}, ternary {@code c ? a : b}
 * (lowest), {@code or ||}, {@code and &&}, comparisons, {@code + -}, {@code * / %}, {@code **}/
 * {@code ^} (right-associative), unary {@code - ! not}, nil-coalescing {@code ??} (binds tightest
 * of the binary operators, as in expr), calls and parentheses. Ternaries become {@code IF}, {@code
 * ??} becomes {@code COALESCE}, {@code nil} becomes {@code null}, {@code let} bindings are inlined.
 */
final class ExprTranslator {
  private final List<String> tokens;
  private final Map<String, String> lets = new HashMap<>();
  private int pos;

  private ExprTranslator(List<String> tokens) {
    this.tokens = tokens;
  }

  /** The EvalEx form of {@code formula}. */
  static String translate(String formula) throws FormulaException {
    ExprTranslator t = new ExprTranslator(tokenize(formula));
    String out = t.program();
    if (t.pos != t.tokens.size()) {
      throw new FormulaException("unexpected token " + t.tokens.get(t.pos) + " in " + formula);
    }
    return out;
  }

  private String program() throws FormulaException {
    while ("let".equals(peek())) {
      pos++;
      String name = next();
      if (!isIdentifier(name)) {
        throw new FormulaException("let needs a name, got " + name);
      }
      expect("=");
      String value = ternary();
      expect(";");
      lets.put(name, value);
    }
    return ternary();
  }

  private String ternary() throws FormulaException {
    String cond = or();
    if ("?".equals(peek())) {
      pos++;
      String a = ternary();
      expect(":");
      String b = ternary();
      return "IF(" + cond + ", " + a + ", " + b + ")";
    }
    return cond;
  }

  private String or() throws FormulaException {
    String left = and();
    while ("||".equals(peek()) || "or".equals(peek())) {
      pos++;
      left = "(" + left + " || " + and() + ")";
    }
    return left;
  }

  private String and() throws FormulaException {
    String left = comparison();
    while ("&&".equals(peek()) || "and".equals(peek())) {
      pos++;
      left = "(" + left + " && " + comparison() + ")";
    }
    return left;
  }

  private String comparison() throws FormulaException {
    String left = additive();
    while (peek() != null && List.of("==", "!=", "<", "<=", ">", ">=").contains(peek())) {
      String op = next();
      left = "(" + left + " " + op + " " + additive() + ")";
    }
    return left;
  }

  private String additive() throws FormulaException {
    String left = multiplicative();
    while ("+".equals(peek()) || "-".equals(peek())) {
      String op = next();
      left = "(" + left + " " + op + " " + multiplicative() + ")";
    }
    return left;
  }

  private String multiplicative() throws FormulaException {
    String left = unary();
    while ("*".equals(peek()) || "/".equals(peek()) || "%".equals(peek())) {
      String op = next();
      left = "(" + left + " " + op + " " + unary() + ")";
    }
    return left;
  }

  private String unary() throws FormulaException {
    String p = peek();
    if ("-".equals(p) || "+".equals(p)) {
      pos++;
      String operand = unary();
      return "-".equals(p) ? "(0 - " + operand + ")" : operand;
    }
    if ("!".equals(p) || "not".equals(p)) {
      pos++;
      return "(!" + unary() + ")";
    }
    return power();
  }

  private String power() throws FormulaException {
    String base = coalesce();
    if ("**".equals(peek()) || "^".equals(peek())) {
      pos++;
      // right-associative, and -x ** 2 parses the exponent as a unary operand
      return "(" + base + " ^ " + unary() + ")";
    }
    return base;
  }

  private String coalesce() throws FormulaException {
    String left = primary();
    while ("??".equals(peek())) {
      pos++;
      left = "COALESCE(" + left + ", " + primary() + ")";
    }
    return left;
  }

  private String primary() throws FormulaException {
    String t = next();
    if ("(".equals(t)) {
      String inner = ternary();
      expect(")");
      return "(" + inner + ")";
    }
    if (Character.isDigit(t.charAt(0)) || t.charAt(0) == '.') {
      return t;
    }
    if (!isIdentifier(t)) {
      throw new FormulaException("unexpected token " + t);
    }
    switch (t) {
      case "nil":
        return "null";
      case "true":
      case "false":
        return t.toUpperCase(Locale.ROOT);
      default:
        break;
    }
    if ("(".equals(peek())) {
      pos++;
      List<String> args = new ArrayList<>();
      if (!")".equals(peek())) {
        args.add(ternary());
        while (",".equals(peek())) {
          pos++;
          args.add(ternary());
        }
      }
      expect(")");
      return call(t, args);
    }
    String bound = lets.get(t);
    return bound != null ? "(" + bound + ")" : t;
  }

  private static String call(String name, List<String> args) throws FormulaException {
    String fn =
        switch (name) {
          case "min", "max", "abs", "ceil", "floor", "float", "int", "round" ->
              name.toUpperCase(Locale.ROOT);
          default -> throw new FormulaException("unknown function " + name);
        };
    if ("ROUND".equals(fn)) {
      fn = "ROUNDHALFAWAY";
    }
    return fn + "(" + String.join(", ", args) + ")";
  }

  private String peek() {
    return pos < tokens.size() ? tokens.get(pos) : null;
  }

  private String next() throws FormulaException {
    if (pos >= tokens.size()) {
      throw new FormulaException("unexpected end of formula");
    }
    return tokens.get(pos++);
  }

  private void expect(String t) throws FormulaException {
    String got = pos < tokens.size() ? tokens.get(pos) : "end of formula";
    if (!t.equals(got)) {
      throw new FormulaException("expected " + t + " but found " + got);
    }
    pos++;
  }

  private static boolean isIdentifier(String t) {
    return t != null
        && !t.isEmpty()
        && (Character.isLetter(t.charAt(0)) || t.charAt(0) == '_')
        && t.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
  }

  private static final List<String> SYMBOLS =
      List.of(
          "**", "??", "==", "!=", "<=", ">=", "&&", "||", "+", "-", "*", "/", "%", "^", "<", ">",
          "!", "?", ":", "(", ")", ",", ";", "=");

  static List<String> tokenize(String s) throws FormulaException {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isDigit(c)
          || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
        int j = i;
        while (j < s.length()
            && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.' || s.charAt(j) == '_')) {
          j++;
        }
        if (j < s.length() && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
          j++;
          if (j < s.length() && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
            j++;
          }
          while (j < s.length() && Character.isDigit(s.charAt(j))) {
            j++;
          }
        }
        out.add(s.substring(i, j).replace("_", ""));
        i = j;
      } else if (Character.isLetter(c) || c == '_') {
        int j = i;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
          j++;
        }
        out.add(s.substring(i, j));
        i = j;
      } else {
        String sym = null;
        for (String candidate : SYMBOLS) {
          if (s.startsWith(candidate, i)) {
            sym = candidate;
            break;
          }
        }
        if (sym == null) {
          throw new FormulaException("unexpected character '" + c + "' at " + i);
        }
        out.add(sym);
        i += sym.length();
      }
    }
    return out;
  }
}
