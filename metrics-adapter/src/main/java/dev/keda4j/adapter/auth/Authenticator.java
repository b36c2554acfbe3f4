package dev.keda4j.adapter.auth;

import java.util.concurrent.CompletionStage;

/**
 * Port for bearer-token authentication ({@code TokenReview}). A failed review call completes
 * exceptionally; a token the reviewer does not accept completes with {@link
 * TokenReviewResult#rejected(String)}.
 */
@FunctionalInterface
public interface Authenticator {
  CompletionStage<TokenReviewResult> authenticate(String bearerToken);
}
