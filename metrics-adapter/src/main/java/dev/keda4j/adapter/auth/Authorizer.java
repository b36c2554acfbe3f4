package dev.keda4j.adapter.auth;

import java.util.concurrent.CompletionStage;

/**
 * Port for delegated authorization ({@code SubjectAccessReview}). A failed review call completes
 * exceptionally and is treated as a denial.
 */
@FunctionalInterface
public interface Authorizer {
  CompletionStage<AuthorizationDecision> authorize(AuthorizationAttributes attributes);
}
