package dev.keda4j.adapter.auth;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The authorization rules in front of the delegated authorizer: health paths are always allowed
 * (probes carry no credentials) and {@code system:masters} may do anything, as in the generic API
 * server. Everything else is the delegate's call; a failed call is a denial.
 */
public final class AccessPolicy implements Authorizer {
  public static final Set<String> ALWAYS_ALLOW_PATHS = Set.of("/healthz", "/readyz", "/livez");
  public static final String MASTERS = "system:masters";

  private final Authorizer delegate;

  public AccessPolicy(Authorizer delegate) {
    this.delegate = delegate;
  }

  @Override
  public CompletionStage<AuthorizationDecision> authorize(AuthorizationAttributes attributes) {
    if (!attributes.resourceRequest() && ALWAYS_ALLOW_PATHS.contains(attributes.path())) {
      return CompletableFuture.completedFuture(AuthorizationDecision.allow());
    }
    if (attributes.user().groups().contains(MASTERS)) {
      return CompletableFuture.completedFuture(AuthorizationDecision.allow());
    }
    CompletionStage<AuthorizationDecision> stage;
    try {
      stage = delegate.authorize(attributes);
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    return stage.handle(
        (decision, failure) ->
            failure == null && decision != null
                ? decision
                : AuthorizationDecision.deny("authorization review failed"));
  }
}
