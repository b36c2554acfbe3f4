package dev.keda4j.scalers.rabbitmq;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Management API URLs built the way KEDA builds them, and their credential-free rendering. */
final class RabbitMqUrls {
  /** KEDA's {@code rabbitRootVhostPath}: the default vhost {@code /}, escaped. */
  static final String ROOT_VHOST_PATH = "/%2F";

  /** What error messages show instead of real credentials. */
  static final String MASKED_USER_INFO = "user:password@";

  private RabbitMqUrls() {}

  /**
   * The vhost segment and the leading path of a management host URL.
   *
   * @param vhostPath {@code /<vhost>}, never empty ({@code /%2F} for the root vhost)
   * @param prefixPath the segments before the vhost ({@code /sub1/sub2}), or ""
   */
  record VhostPath(String vhostPath, String prefixPath) {}

  /**
   * KEDA's {@code getVhostAndPathFromURL}: the last path segment is the vhost unless {@code
   * vhostName} overrides it; what precedes it is a path prefix (a management API behind a proxy).
   */
  static VhostPath resolveVhost(String rawPath, String vhostName) {
    String path = rawPath == null ? "" : rawPath;
    String[] parts = path.split("/", -1);
    String vhostPath = "/" + parts[parts.length - 1];
    String prefix = String.join("/", Arrays.copyOf(parts, parts.length - 1));
    if (vhostName != null && !vhostName.isEmpty()) {
      vhostPath = "/" + queryEscape(vhostName);
    }
    if (vhostPath.isEmpty() || "/".equals(vhostPath) || "//".equals(vhostPath)) {
      vhostPath = ROOT_VHOST_PATH;
    }
    return new VhostPath(vhostPath, normalizePrefix(prefix));
  }

  // "sub1/sub2" and "/sub1/sub2" name the same prefix; a prefix of only slashes is none.
  private static String normalizePrefix(String prefix) {
    String p = prefix;
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.isEmpty()) {
      return "";
    }
    return p.startsWith("/") ? p : "/" + p;
  }

  /** {@code <base><prefix>/api/queues<vhost>/<QueryEscape(queue)>}. */
  static String queueUrl(String base, VhostPath vhost, String queueName) {
    return base
        + vhost.prefixPath()
        + "/api/queues"
        + vhost.vhostPath()
        + "/"
        + queryEscape(queueName);
  }

  /** The regex listing of one vhost, in a single page of {@code pageSize} entries. */
  static String regexUrl(String base, VhostPath vhost, String queueRegex, int pageSize) {
    return base
        + vhost.prefixPath()
        + "/api/queues"
        + vhost.vhostPath()
        + "?page=1&use_regex=true&pagination=false&name="
        + queryEscape(queueRegex)
        + "&page_size="
        + pageSize;
  }

  /**
   * Go's {@code url.QueryEscape}: everything but {@code A-Z a-z 0-9 - _ . ~} is percent-encoded,
   * space becomes {@code +}.
   */
  static String queryEscape(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
  }

  /** The URL as error messages show it: any user info replaced by {@link #MASKED_USER_INFO}. */
  static String redact(String url) {
    int scheme = url.indexOf("://");
    if (scheme < 0) {
      return url;
    }
    int start = scheme + 3;
    int end = url.length();
    for (char c : new char[] {'/', '?', '#'}) {
      int i = url.indexOf(c, start);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    int at = url.lastIndexOf('@', end - 1);
    if (at < start) {
      return url;
    }
    return url.substring(0, start) + MASKED_USER_INFO + url.substring(at + 1);
  }
}
