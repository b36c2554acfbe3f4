package dev.keda4j.adapter.auth;

/** The outcome of authenticating one request: a user, or a 401 with a reason for the log. */
public sealed interface AuthenticationResult {
  /**
   * Authenticated.
   *
   * @param user the user
   * @param method which authenticator accepted it (front-proxy, x509, token, anonymous)
   */
  record Authenticated(UserInfo user, String method) implements AuthenticationResult {}

  /**
   * Refused with 401.
   *
   * @param reason why, for the log (never a credential)
   */
  record Unauthorized(String reason) implements AuthenticationResult {}
}
