package dev.keda4j.scalers.nats;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The monitoring URLs KEDA derives from {@code natsServerMonitoringEndpoint}: the first {@code
 * /jsz}, and in a cluster each node's {@code /varz} and {@code /jsz}. Pure string functions.
 */
final class MonitoringUrls {
  private static final String JSZ_PATH = "/jsz";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private MonitoringUrls() {}

  /**
   * {@code <scheme>://<endpoint>/jsz?acc=<id>&config=true&consumers=true}; the query is in Go's
   * {@code url.Values.Encode} form (keys sorted, {@code QueryEscape}d) so the URL is byte-identical
   * to KEDA's.
   */
  static String jsz(boolean useHttps, String endpoint, String accountId) {
    return (useHttps ? "https" : "http")
        + "://"
        + endpoint
        + JSZ_PATH
        + "?acc="
        + queryEscape(accountId)
        + "&config=true&consumers=true";
  }

  /**
   * {@code /varz} of the node at {@code hostname} (the monitoring port of {@code monitoringUrl}
   * kept, since KEDA assumes every node serves monitoring on the same port), or of the configured
   * endpoint itself when {@code hostname} is empty.
   */
  static String varz(String monitoringUrl, String hostname) {
    URI u = URI.create(monitoringUrl);
    String host = hostname.isEmpty() ? u.getRawAuthority() : joinHostPort(hostname, u.getPort());
    return u.getScheme() + "://" + host + "/varz";
  }

  /** {@code /jsz} with the same query on the node at {@code hostname} (same monitoring port). */
  static String nodeJsz(String monitoringUrl, String hostname) {
    URI u = URI.create(monitoringUrl);
    return u.getScheme()
        + "://"
        + joinHostPort(hostname, u.getPort())
        + u.getRawPath()
        + "?"
        + u.getRawQuery();
  }

  /**
   * {@code /jsz} on {@code <node>.<endpoint>}: when a cluster advertises no client URLs, KEDA
   * reaches a node through a per-node DNS name under the configured host (a headless Service).
   */
  static String nodeJszByName(String monitoringUrl, String node) {
    URI u = URI.create(monitoringUrl);
    return u.getScheme()
        + "://"
        + node
        + "."
        + u.getRawAuthority()
        + u.getRawPath()
        + "?"
        + u.getRawQuery();
  }

  /**
   * {@code s} with any {@code user:password@} of a URL or {@code host:port} removed: the endpoint
   * may come from a TriggerAuthentication, so messages never repeat credentials in it.
   */
  static String redact(String s) {
    return s.replaceAll("([A-Za-z][A-Za-z0-9+.-]*://|^)[^/@\\s]*@", "$1");
  }

  /** Host part of {@code host:port} (everything before the first colon, as KEDA splits it). */
  static String hostOf(String hostPort) {
    int i = hostPort.indexOf(':');
    return i < 0 ? hostPort : hostPort.substring(0, i);
  }

  /** Node name from a cluster route URL: everything before the first dot, as KEDA splits it. */
  static String nodeOf(String clusterUrl) {
    int i = clusterUrl.indexOf('.');
    return i < 0 ? clusterUrl : clusterUrl.substring(0, i);
  }

  private static String joinHostPort(String host, int port) {
    if (port < 0) {
      return host;
    }
    String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return h + ":" + port;
  }

  /** Go's {@code url.QueryEscape}: unreserved bytes kept, space as {@code +}, others %XX. */
  static String queryEscape(String s) {
    StringBuilder b = new StringBuilder();
    for (byte by : s.getBytes(StandardCharsets.UTF_8)) {
      int c = by & 0xff;
      if (c >= 'a' && c <= 'z'
          || c >= 'A' && c <= 'Z'
          || c >= '0' && c <= '9'
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        b.append((char) c);
      } else if (c == ' ') {
        b.append('+');
      } else {
        b.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return b.toString();
  }
}
