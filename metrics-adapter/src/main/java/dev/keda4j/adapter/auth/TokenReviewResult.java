package dev.keda4j.adapter.auth;

/**
 * What a token review said.
 *
 * @param authenticated whether the token is valid
 * @param user the user when authenticated, else null
 * @param error the reviewer's error text ("" if none); never contains the token
 */
public record TokenReviewResult(boolean authenticated, UserInfo user, String error) {
  public TokenReviewResult {
    if (authenticated && user == null) {
      throw new IllegalArgumentException("an authenticated review names a user");
    }
    error = error == null ? "" : error;
  }

  public static TokenReviewResult authenticated(UserInfo user) {
    return new TokenReviewResult(true, user, "");
  }

  public static TokenReviewResult rejected(String error) {
    return new TokenReviewResult(false, null, error);
  }
}
