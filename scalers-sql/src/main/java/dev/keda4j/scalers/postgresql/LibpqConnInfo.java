package dev.keda4j.scalers.postgresql;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a libpq connection string — keyword/value ({@code host=h port=5432 password='a b'}) or URI
 * ({@code postgresql://user:pw@h:5432/db?sslmode=disable}) — into its keywords, as libpq and pgx
 * do. Error messages never quote a value, since the string holds the password.
 */
final class LibpqConnInfo {
  private LibpqConnInfo() {}

  /** Keyword → value, in order of appearance (a later keyword wins). */
  static Map<String, String> parse(String conninfo) {
    String s = conninfo.strip();
    if (s.startsWith("postgresql://") || s.startsWith("postgres://")) {
      return parseUri(s);
    }
    return parseKeywordValue(s);
  }

  static Map<String, String> parseKeywordValue(String s) {
    Map<String, String> out = new LinkedHashMap<>();
    int i = 0;
    int n = s.length();
    while (true) {
      i = skipBlanks(s, i);
      if (i >= n) {
        return out;
      }
      int start = i;
      while (i < n && s.charAt(i) != '=' && !Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      String key = s.substring(start, i);
      i = skipBlanks(s, i);
      if (i >= n || s.charAt(i) != '=') {
        // libpq quotes the word here, but after an unquoted blank in a password it is the password.
        throw new IllegalArgumentException(
            "missing \"=\" after keyword number "
                + (out.size() + 1)
                + " in connection info string");
      }
      i = skipBlanks(s, i + 1);
      StringBuilder value = new StringBuilder();
      i = s.startsWith("'", i) ? readQuoted(s, i + 1, value) : readPlain(s, i, value);
      out.put(key, value.toString());
    }
  }

  private static int readPlain(String s, int i, StringBuilder value) {
    while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        i++;
        c = s.charAt(i);
      }
      value.append(c);
      i++;
    }
    return i;
  }

  private static int readQuoted(String s, int i, StringBuilder value) {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\'') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < s.length()) {
        i++;
        c = s.charAt(i);
      }
      value.append(c);
      i++;
    }
    throw new IllegalArgumentException("unterminated quoted string in connection info string");
  }

  private static int skipBlanks(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  static Map<String, String> parseUri(String s) {
    Map<String, String> out = new LinkedHashMap<>();
    String rest = s.substring(s.indexOf("://") + 3);
    int q = rest.indexOf('?');
    String query = q < 0 ? "" : rest.substring(q + 1);
    rest = q < 0 ? rest : rest.substring(0, q);
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    if (slash >= 0 && slash + 1 < rest.length()) {
      out.put("dbname", decode(rest.substring(slash + 1)));
    }
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      String userInfo = authority.substring(0, at);
      int colon = userInfo.indexOf(':');
      putIfNotEmpty(out, "user", decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
      if (colon >= 0) {
        out.put("password", decode(userInfo.substring(colon + 1)));
      }
      authority = authority.substring(at + 1);
    }
    parseHosts(authority, out);
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("invalid URI query parameter: a parameter has no value");
      }
      out.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
    }
    return out;
  }

  private static void parseHosts(String authority, Map<String, String> out) {
    if (authority.isEmpty()) {
      return;
    }
    List<String> hosts = new ArrayList<>();
    List<String> ports = new ArrayList<>();
    for (String hostPort : authority.split(",", -1)) {
      String host = hostPort;
      String port = "";
      int close = hostPort.lastIndexOf(']');
      int colon = hostPort.lastIndexOf(':');
      if (colon > close) {
        host = hostPort.substring(0, colon);
        port = hostPort.substring(colon + 1);
      }
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      hosts.add(decode(host));
      ports.add(port);
    }
    putIfNotEmpty(out, "host", String.join(",", hosts));
    if (ports.stream().anyMatch(p -> !p.isEmpty())) {
      out.put("port", String.join(",", ports));
    }
  }

  private static void putIfNotEmpty(Map<String, String> out, String key, String value) {
    if (!value.isEmpty()) {
      out.put(key, value);
    }
  }

  private static String decode(String s) {
    // '+' is literal in a URI path or authority; only %XX is an escape.
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /**
   * A keyword/value value as KEDA writes it: quoted when it holds blanks, quotes or backslashes.
   */
  static String quote(String value) {
    boolean plain =
        value.chars().noneMatch(c -> Character.isWhitespace(c) || c == '\'' || c == '\\');
    if (plain) {
      return value;
    }
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
