package dev.keda4j.scalers.mysql;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A go-sql-driver DSN, {@code [user[:password]@][net[(addr)]]/dbname[?k=v&...]}, split the way
 * {@code mysql.ParseDSN} splits it (last {@code /}, last {@code @} before it, first {@code :} for
 * the password). Holds the password: {@link #toString()} masks it.
 *
 * @param user the user ("" when absent)
 * @param password the password ("" when absent) — secret
 * @param net {@code tcp} or {@code unix}
 * @param address {@code host:port} for tcp, the socket path for unix
 * @param dbName the database ("" for none)
 * @param params the parameters after {@code ?}, unescaped
 */
public record MysqlDsn(
    String user,
    String password,
    String net,
    String address,
    String dbName,
    Map<String, String> params) {

  static final String DEFAULT_TCP_ADDRESS = "127.0.0.1:3306";
  static final String DEFAULT_SOCKET = "/tmp/mysql.sock";

  public MysqlDsn {
    params = Map.copyOf(params);
  }

  /**
   * @throws IllegalArgumentException with go-sql-driver's message; never quotes the DSN
   */
  public static MysqlDsn parse(String dsn) {
    int slash = dsn.lastIndexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException(
          "invalid DSN: missing the slash separating the database name");
    }
    String left = dsn.substring(0, slash);
    int at = left.lastIndexOf('@');
    String user = "";
    String password = "";
    if (at >= 0) {
      String userInfo = left.substring(0, at);
      int colon = userInfo.indexOf(':');
      user = colon < 0 ? userInfo : userInfo.substring(0, colon);
      password = colon < 0 ? "" : userInfo.substring(colon + 1);
    }
    String netAddr = left.substring(at + 1);
    String net = netAddr;
    String address = "";
    int open = netAddr.indexOf('(');
    if (open >= 0) {
      if (!netAddr.endsWith(")")) {
        throw new IllegalArgumentException(
            netAddr.indexOf(')', open) >= 0
                ? "invalid DSN: did you forget to escape a param value?"
                : "invalid DSN: network address not terminated (missing closing brace)");
      }
      net = netAddr.substring(0, open);
      address = netAddr.substring(open + 1, netAddr.length() - 1);
    }
    String right = dsn.substring(slash + 1);
    int q = right.indexOf('?');
    String db = decode(q < 0 ? right : right.substring(0, q), false);
    Map<String, String> params = q < 0 ? Map.of() : parseParams(right.substring(q + 1));
    return of(user, password, net, address, db, params);
  }

  /** A DSN from parts, normalised like go-sql-driver (default net, address and port). */
  public static MysqlDsn of(
      String user,
      String password,
      String net,
      String address,
      String dbName,
      Map<String, String> params) {
    String n = net.isEmpty() ? "tcp" : net;
    String a = address;
    if (n.equals("tcp")) {
      a = a.isEmpty() ? DEFAULT_TCP_ADDRESS : withPort(a);
    } else if (n.equals("unix")) {
      a = a.isEmpty() ? DEFAULT_SOCKET : a;
    } else {
      // The value is not quoted: in a mangled DSN it may be part of the password.
      throw new IllegalArgumentException("invalid DSN: unknown network, want tcp or unix");
    }
    return new MysqlDsn(user, password, n, a, dbName, params);
  }

  private static String withPort(String address) {
    int close = address.lastIndexOf(']');
    int colon = address.lastIndexOf(':');
    boolean hasPort = colon > close && (close >= 0 || address.indexOf(':') == colon);
    if (hasPort) {
      return address;
    }
    return (address.contains(":") && close < 0 ? "[" + address + "]" : address) + ":3306";
  }

  private static Map<String, String> parseParams(String query) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("invalid DSN: a parameter has no value");
      }
      out.put(pair.substring(0, eq), decode(pair.substring(eq + 1), true));
    }
    return out;
  }

  private static String decode(String s, boolean query) {
    try {
      return URLDecoder.decode(query ? s : s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid DSN: bad percent-escape", e);
    }
  }

  /** Host of a tcp address, without IPv6 brackets. */
  String host() {
    String h = address.substring(0, address.lastIndexOf(':'));
    return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
  }

  /** Port of a tcp address. */
  String port() {
    return address.substring(address.lastIndexOf(':') + 1);
  }

  @Override
  public String toString() {
    return "MysqlDsn["
        + user
        + (password.isEmpty() ? "" : ":<redacted>")
        + "@"
        + net
        + "("
        + address
        + ")/"
        + dbName
        + (params.isEmpty() ? "" : "?" + params)
        + "]";
  }
}
