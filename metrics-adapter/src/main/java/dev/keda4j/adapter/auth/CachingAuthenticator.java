package dev.keda4j.adapter.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Caches token reviews (10 s in the generic API server) so the HPA's polls do not each cost a
 * TokenReview. Keys are SHA-256 digests: the cache never holds a token. Failed calls are not
 * cached.
 */
public final class CachingAuthenticator implements Authenticator {
  private final Authenticator delegate;
  private final Duration ttl;
  private final ExpiringCache<String, TokenReviewResult> cache;

  public CachingAuthenticator(Authenticator delegate, Duration ttl, Clock clock) {
    this.delegate = delegate;
    this.ttl = ttl;
    this.cache = new ExpiringCache<>(clock);
  }

  @Override
  public CompletionStage<TokenReviewResult> authenticate(String bearerToken) {
    String key = digest(bearerToken);
    TokenReviewResult cached = cache.get(key);
    if (cached != null) {
      return CompletableFuture.completedFuture(cached);
    }
    return delegate
        .authenticate(bearerToken)
        .thenApply(
            result -> {
              cache.put(key, result, ttl);
              return result;
            });
  }

  private static String digest(String token) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }
}
