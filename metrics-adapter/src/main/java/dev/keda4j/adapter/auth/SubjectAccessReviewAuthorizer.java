package dev.keda4j.adapter.auth;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AuthorizationV1Api;
import io.kubernetes.client.openapi.models.V1NonResourceAttributes;
import io.kubernetes.client.openapi.models.V1ResourceAttributes;
import io.kubernetes.client.openapi.models.V1SubjectAccessReview;
import io.kubernetes.client.openapi.models.V1SubjectAccessReviewSpec;
import io.kubernetes.client.openapi.models.V1SubjectAccessReviewStatus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * {@link Authorizer} by {@code SubjectAccessReview} (authorization.k8s.io/v1). The blocking call
 * runs on the given pool.
 */
public final class SubjectAccessReviewAuthorizer implements Authorizer {
  private final AuthorizationV1Api api;
  private final Executor blocking;

  public SubjectAccessReviewAuthorizer(ApiClient client, Executor blocking) {
    this.api = new AuthorizationV1Api(client);
    this.blocking = blocking;
  }

  @Override
  public CompletionStage<AuthorizationDecision> authorize(AuthorizationAttributes attributes) {
    V1SubjectAccessReview review = toReview(attributes);
    return CompletableFuture.supplyAsync(() -> toDecision(call(review)), blocking);
  }

  private V1SubjectAccessReview call(V1SubjectAccessReview review) {
    try {
      return api.createSubjectAccessReview(review).execute();
    } catch (ApiException e) {
      throw new CompletionException(
          new IllegalStateException("SubjectAccessReview failed with HTTP " + e.getCode()));
    }
  }

  static V1SubjectAccessReview toReview(AuthorizationAttributes a) {
    V1SubjectAccessReviewSpec spec =
        new V1SubjectAccessReviewSpec()
            .user(a.user().name())
            .groups(a.user().groups())
            .extra(a.user().extra().isEmpty() ? null : a.user().extra())
            .uid(a.user().uid().isEmpty() ? null : a.user().uid());
    if (a.resourceRequest()) {
      spec.resourceAttributes(
          new V1ResourceAttributes()
              .verb(a.verb())
              .namespace(a.namespace())
              .group(a.apiGroup())
              .version(a.apiVersion())
              .resource(a.resource()));
    } else {
      spec.nonResourceAttributes(new V1NonResourceAttributes().path(a.path()).verb(a.verb()));
    }
    return new V1SubjectAccessReview()
        .apiVersion("authorization.k8s.io/v1")
        .kind("SubjectAccessReview")
        .spec(spec);
  }

  static AuthorizationDecision toDecision(V1SubjectAccessReview answer) {
    V1SubjectAccessReviewStatus status = answer.getStatus();
    if (status == null) {
      return AuthorizationDecision.deny("no status in SubjectAccessReview");
    }
    String reason = status.getReason() == null ? "" : status.getReason();
    return Boolean.TRUE.equals(status.getAllowed()) && !Boolean.TRUE.equals(status.getDenied())
        ? new AuthorizationDecision(true, reason)
        : AuthorizationDecision.deny(reason);
  }
}
