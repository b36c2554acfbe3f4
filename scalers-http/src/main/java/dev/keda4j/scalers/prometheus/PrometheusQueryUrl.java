package dev.keda4j.scalers.prometheus;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** The instant-query URL KEDA builds (scalers.md §3.7). */
final class PrometheusQueryUrl {
  private static final DateTimeFormatter RFC3339 =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private PrometheusQueryUrl() {}

  /**
   * {@code <server>/api/v1/query?query=..&time=..[&namespace=..][&k=v...]}, every part escaped like
   * Go's {@code url.QueryEscape}.
   */
  static String build(
      String serverAddress,
      String query,
      Instant now,
      String namespace,
      Map<String, String> queryParameters) {
    StringBuilder b =
        new StringBuilder(serverAddress)
            .append("/api/v1/query?query=")
            .append(queryEscape(query))
            .append("&time=")
            .append(queryEscape(RFC3339.format(now.truncatedTo(ChronoUnit.SECONDS))));
    if (namespace != null && !namespace.isEmpty()) {
      b.append("&namespace=").append(queryEscape(namespace));
    }
    queryParameters.forEach(
        (k, v) -> b.append('&').append(queryEscape(k)).append('=').append(queryEscape(v)));
    return b.toString();
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
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        b.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return b.toString();
  }
}
