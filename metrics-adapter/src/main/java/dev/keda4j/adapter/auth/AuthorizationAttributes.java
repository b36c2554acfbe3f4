package dev.keda4j.adapter.auth;

import java.util.Objects;

/**
 * The attributes of one request for the authorizer ({@code authorizer.Attributes}).
 *
 * @param user who asks
 * @param verb {@code list} for a metric read; the lowercase HTTP method for non-resource paths
 * @param resourceRequest true for the metric route
 * @param namespace namespace ("" for non-resource requests)
 * @param apiGroup API group ("" for non-resource requests)
 * @param apiVersion API version ("" for non-resource requests)
 * @param resource the metric name ("" for non-resource requests)
 * @param path the request path
 */
public record AuthorizationAttributes(
    UserInfo user,
    String verb,
    boolean resourceRequest,
    String namespace,
    String apiGroup,
    String apiVersion,
    String resource,
    String path) {
  public AuthorizationAttributes {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(verb, "verb");
    namespace = Objects.requireNonNullElse(namespace, "");
    apiGroup = Objects.requireNonNullElse(apiGroup, "");
    apiVersion = Objects.requireNonNullElse(apiVersion, "");
    resource = Objects.requireNonNullElse(resource, "");
    path = Objects.requireNonNullElse(path, "");
  }

  /** The same request by another user. */
  public AuthorizationAttributes withUser(UserInfo other) {
    return new AuthorizationAttributes(
        other, verb, resourceRequest, namespace, apiGroup, apiVersion, resource, path);
  }
}
