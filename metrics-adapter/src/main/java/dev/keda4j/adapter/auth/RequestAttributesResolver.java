package dev.keda4j.adapter.auth;

import dev.keda4j.adapter.api.DiscoveryDocuments;
import java.util.Locale;

/**
 * Turns a request into authorizer attributes like {@code RequestInfoFactory}: the metric route is a
 * collection read (verb {@code list}, resource = metric name); every other path is a non-resource
 * URL with the lowercase HTTP method as verb.
 */
public final class RequestAttributesResolver {
  private static final String METRIC_PREFIX =
      "/apis/" + DiscoveryDocuments.GROUP_VERSION + "/namespaces/";

  private RequestAttributesResolver() {}

  public static AuthorizationAttributes resolve(UserInfo user, String method, String path) {
    String m = method.toUpperCase(Locale.ROOT);
    if (path.startsWith(METRIC_PREFIX)) {
      String[] rest = path.substring(METRIC_PREFIX.length()).split("/", -1);
      if (rest.length == 2 && !rest[0].isEmpty() && !rest[1].isEmpty()) {
        return new AuthorizationAttributes(
            user,
            resourceVerb(m),
            true,
            rest[0],
            DiscoveryDocuments.GROUP,
            DiscoveryDocuments.VERSION,
            rest[1],
            path);
      }
    }
    return new AuthorizationAttributes(
        user, m.toLowerCase(Locale.ROOT), false, "", "", "", "", path);
  }

  private static String resourceVerb(String method) {
    return switch (method) {
      case "GET", "HEAD" -> "list";
      case "POST" -> "create";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> "deletecollection";
      default -> method.toLowerCase(Locale.ROOT);
    };
  }
}
