package dev.keda4j.adapter.auth;

/**
 * An authorizer's answer.
 *
 * @param allowed whether the request may proceed
 * @param reason the authorizer's reason ("" if none), appended to a Forbidden message
 */
public record AuthorizationDecision(boolean allowed, String reason) {
  public AuthorizationDecision {
    reason = reason == null ? "" : reason;
  }

  public static AuthorizationDecision allow() {
    return new AuthorizationDecision(true, "");
  }

  public static AuthorizationDecision deny(String reason) {
    return new AuthorizationDecision(false, reason);
  }
}
