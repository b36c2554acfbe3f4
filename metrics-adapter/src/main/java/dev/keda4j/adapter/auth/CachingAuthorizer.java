package dev.keda4j.adapter.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Caches SubjectAccessReview answers, allow and deny each for their own time (10 s in the generic
 * API server). Failed calls are not cached.
 */
public final class CachingAuthorizer implements Authorizer {
  private final Authorizer delegate;
  private final Duration allowTtl;
  private final Duration denyTtl;
  private final ExpiringCache<AuthorizationAttributes, AuthorizationDecision> cache;

  public CachingAuthorizer(Authorizer delegate, Duration allowTtl, Duration denyTtl, Clock clock) {
    this.delegate = delegate;
    this.allowTtl = allowTtl;
    this.denyTtl = denyTtl;
    this.cache = new ExpiringCache<>(clock);
  }

  @Override
  public CompletionStage<AuthorizationDecision> authorize(AuthorizationAttributes attributes) {
    AuthorizationDecision cached = cache.get(attributes);
    if (cached != null) {
      return CompletableFuture.completedFuture(cached);
    }
    return delegate
        .authorize(attributes)
        .thenApply(
            decision -> {
              cache.put(attributes, decision, decision.allowed() ? allowTtl : denyTtl);
              return decision;
            });
  }
}
