package dev.keda4j.adapter.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.testkit.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthorizationPolicyTest {
  private static final UserInfo HPA =
      UserInfo.of("system:serviceaccount:kube-system:horizontal-pod-autoscaler", List.of());

  private final List<AuthorizationAttributes> asked = new ArrayList<>();
  private final AtomicBoolean allow = new AtomicBoolean(true);
  private final Authorizer delegate =
      a -> {
        asked.add(a);
        return CompletableFuture.completedFuture(
            allow.get() ? AuthorizationDecision.allow() : AuthorizationDecision.deny("no RBAC"));
      };

  private static AuthorizationDecision decide(Authorizer a, AuthorizationAttributes attrs) {
    return a.authorize(attrs).toCompletableFuture().join();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "GET, /apis/external.metrics.k8s.io/v1beta1/namespaces/ns1/s0-redis-q, list, true, ns1, s0-redis-q",
    "POST, /apis/external.metrics.k8s.io/v1beta1/namespaces/ns1/s0-redis-q, create, true, ns1, s0-redis-q",
    "GET, /apis/external.metrics.k8s.io/v1beta1, get, false, '', ''",
    "GET, /apis/external.metrics.k8s.io/v1beta1/s0-redis-q, get, false, '', ''",
    "GET, /openapi/v2, get, false, '', ''",
    "DELETE, /version, delete, false, '', ''",
  })
  void resolvesRequestAttributes(
      String method, String path, String verb, boolean resource, String ns, String metric) {
    AuthorizationAttributes a = RequestAttributesResolver.resolve(HPA, method, path);
    assertThat(a.verb()).isEqualTo(verb);
    assertThat(a.resourceRequest()).isEqualTo(resource);
    assertThat(a.namespace()).isEqualTo(ns);
    assertThat(a.resource()).isEqualTo(metric);
    assertThat(a.apiGroup()).isEqualTo(resource ? "external.metrics.k8s.io" : "");
    assertThat(a.path()).isEqualTo(path);
  }

  @Test
  void healthPathsAndMastersSkipTheDelegate() {
    allow.set(false);
    AccessPolicy policy = new AccessPolicy(delegate);
    UserInfo anonymous = UserInfo.anonymous();
    for (String p : List.of("/healthz", "/livez", "/readyz")) {
      assertThat(decide(policy, RequestAttributesResolver.resolve(anonymous, "GET", p)).allowed())
          .isTrue();
    }
    UserInfo admin = UserInfo.of("root", List.of(AccessPolicy.MASTERS));
    assertThat(decide(policy, RequestAttributesResolver.resolve(admin, "GET", "/apis")).allowed())
        .isTrue();
    assertThat(asked).isEmpty();
    AuthorizationDecision d =
        decide(policy, RequestAttributesResolver.resolve(anonymous, "GET", "/healthz/ping"));
    assertThat(d.allowed()).isFalse();
    assertThat(d.reason()).isEqualTo("no RBAC");
  }

  @Test
  void failingDelegateDenies() {
    AccessPolicy policy =
        new AccessPolicy(a -> CompletableFuture.failedFuture(new IllegalStateException("down")));
    AuthorizationDecision d =
        decide(policy, RequestAttributesResolver.resolve(HPA, "GET", "/apis"));
    assertThat(d.allowed()).isFalse();
    assertThat(d.reason()).isEqualTo("authorization review failed");
  }

  @Test
  void decisionsAreCachedForTheirTtl() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    CachingAuthorizer cache =
        new CachingAuthorizer(delegate, Duration.ofSeconds(10), Duration.ofSeconds(5), clock);
    AuthorizationAttributes a = RequestAttributesResolver.resolve(HPA, "GET", "/apis");
    assertThat(decide(cache, a).allowed()).isTrue();
    allow.set(false);
    clock.advance(Duration.ofSeconds(9));
    assertThat(decide(cache, a).allowed()).as("allow still cached").isTrue();
    clock.advance(Duration.ofSeconds(1));
    assertThat(decide(cache, a).allowed()).as("allow expired").isFalse();
    allow.set(true);
    clock.advance(Duration.ofSeconds(4));
    assertThat(decide(cache, a).allowed()).as("deny still cached").isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(decide(cache, a).allowed()).isTrue();
    assertThat(asked).hasSize(3);
  }

  @Test
  void tokenReviewsAreCachedByDigest() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    List<String> reviewed = new ArrayList<>();
    CachingAuthenticator cache =
        new CachingAuthenticator(
            t -> {
              reviewed.add(t);
              return CompletableFuture.completedFuture(
                  TokenReviewResult.authenticated(UserInfo.of("u", List.of())));
            },
            Duration.ofSeconds(10),
            clock);
    cache.authenticate("t1").toCompletableFuture().join();
    cache.authenticate("t1").toCompletableFuture().join();
    cache.authenticate("t2").toCompletableFuture().join();
    clock.advance(Duration.ofSeconds(10));
    TokenReviewResult r = cache.authenticate("t1").toCompletableFuture().join();
    assertThat(r.user().name()).isEqualTo("u");
    assertThat(reviewed).containsExactly("t1", "t2", "t1");
  }
}
