package dev.keda4j.adapter.auth;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An authenticated user as the delegated authorizer sees it.
 *
 * @param name user name ({@code system:serviceaccount:kube-system:horizontal-pod-autoscaler})
 * @param uid user uid ("" if unknown)
 * @param groups groups
 * @param extra extra attributes (keys lowercase)
 */
public record UserInfo(
    String name, String uid, List<String> groups, Map<String, List<String>> extra) {
  public static final String ANONYMOUS = "system:anonymous";
  public static final String UNAUTHENTICATED = "system:unauthenticated";

  public UserInfo {
    Objects.requireNonNull(name, "name");
    uid = Objects.requireNonNullElse(uid, "");
    groups = groups == null ? List.of() : List.copyOf(groups);
    extra = extra == null ? Map.of() : Map.copyOf(extra);
  }

  public static UserInfo of(String name, List<String> groups) {
    return new UserInfo(name, "", groups, Map.of());
  }

  /** {@code system:anonymous} in {@code system:unauthenticated}. */
  public static UserInfo anonymous() {
    return of(ANONYMOUS, List.of(UNAUTHENTICATED));
  }
}
