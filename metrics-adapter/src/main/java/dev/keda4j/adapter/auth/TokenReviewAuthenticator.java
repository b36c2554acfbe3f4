package dev.keda4j.adapter.auth;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AuthenticationV1Api;
import io.kubernetes.client.openapi.models.V1TokenReview;
import io.kubernetes.client.openapi.models.V1TokenReviewSpec;
import io.kubernetes.client.openapi.models.V1TokenReviewStatus;
import io.kubernetes.client.openapi.models.V1UserInfo;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * {@link Authenticator} by {@code TokenReview} (authentication.k8s.io/v1) against the
 * kube-apiserver. The client-java call blocks, so it runs on the given pool, never on an event
 * loop. Exceptions name the HTTP status only, never the token.
 */
public final class TokenReviewAuthenticator implements Authenticator {
  private final AuthenticationV1Api api;
  private final Executor blocking;
  private final List<String> audiences;

  /**
   * @param client API client with the adapter's service-account credentials
   * @param blocking pool for the blocking call
   * @param audiences audiences to ask for (empty: the API server's default)
   */
  public TokenReviewAuthenticator(ApiClient client, Executor blocking, List<String> audiences) {
    this.api = new AuthenticationV1Api(client);
    this.blocking = blocking;
    this.audiences = List.copyOf(audiences);
  }

  @Override
  public CompletionStage<TokenReviewResult> authenticate(String bearerToken) {
    V1TokenReview review =
        new V1TokenReview()
            .apiVersion("authentication.k8s.io/v1")
            .kind("TokenReview")
            .spec(
                new V1TokenReviewSpec()
                    .token(bearerToken)
                    .audiences(audiences.isEmpty() ? null : audiences));
    return CompletableFuture.supplyAsync(() -> toResult(call(review)), blocking);
  }

  private V1TokenReview call(V1TokenReview review) {
    try {
      return api.createTokenReview(review).execute();
    } catch (ApiException e) {
      throw new CompletionException(
          new IllegalStateException("TokenReview failed with HTTP " + e.getCode()));
    }
  }

  static TokenReviewResult toResult(V1TokenReview answer) {
    V1TokenReviewStatus status = answer.getStatus();
    if (status == null || !Boolean.TRUE.equals(status.getAuthenticated())) {
      return TokenReviewResult.rejected(status == null ? "" : status.getError());
    }
    V1UserInfo u = status.getUser();
    if (u == null || u.getUsername() == null || u.getUsername().isEmpty()) {
      return TokenReviewResult.rejected("token review named no user");
    }
    return TokenReviewResult.authenticated(
        new UserInfo(u.getUsername(), u.getUid(), u.getGroups(), u.getExtra()));
  }
}
