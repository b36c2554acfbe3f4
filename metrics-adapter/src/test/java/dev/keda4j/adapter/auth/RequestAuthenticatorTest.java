package dev.keda4j.adapter.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.adapter.auth.AuthenticationResult.Authenticated;
import dev.keda4j.adapter.auth.AuthenticationResult.Unauthorized;
import dev.keda4j.adapter.testing.TestPki;
import dev.keda4j.adapter.tls.KeyMaterial;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RequestAuthenticatorTest {
  private static final TestPki FRONT_PROXY_CA = new TestPki("front-proxy-ca");
  private static final TestPki CLIENT_CA = new TestPki("client-ca");
  private static final TestPki OTHER_CA = new TestPki("other-ca");
  private static final String HPA = "system:serviceaccount:kube-system:horizontal-pod-autoscaler";

  private final List<String> reviewedTokens = new ArrayList<>();
  private final Authenticator tokens =
      token -> {
        reviewedTokens.add(token);
        return CompletableFuture.completedFuture(
            "good".equals(token)
                ? TokenReviewResult.authenticated(UserInfo.of("alice", List.of("devs")))
                : TokenReviewResult.rejected("token expired"));
      };
  private final RequestAuthenticator chain =
      new RequestAuthenticator(
          RequestHeaderConfig.standard(List.of(FRONT_PROXY_CA.ca()), List.of("front-proxy-client")),
          List.of(CLIENT_CA.ca()),
          tokens,
          true,
          Clock.systemUTC());

  private static PresentedCredentials presented(
      KeyMaterial cert, Map<String, List<String>> headers) {
    Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byName.putAll(headers);
    List<X509Certificate> chain = cert == null ? List.of() : cert.chain();
    return new PresentedCredentials(
        chain, h -> byName.getOrDefault(h, List.of()), new ArrayList<>(byName.keySet()));
  }

  private AuthenticationResult authenticate(KeyMaterial cert, Map<String, List<String>> headers) {
    return chain.authenticate(presented(cert, headers)).toCompletableFuture().join();
  }

  @Test
  void frontProxyCertificateCarriesTheProxiedUser() {
    AuthenticationResult r =
        authenticate(
            FRONT_PROXY_CA.client("front-proxy-client"),
            Map.of(
                "X-Remote-User", List.of(HPA),
                "X-Remote-Group", List.of("system:serviceaccounts", "system:authenticated"),
                "X-Remote-Extra-Scopes%2fx", List.of("a")));
    assertThat(r).isInstanceOf(Authenticated.class);
    Authenticated a = (Authenticated) r;
    assertThat(a.method()).isEqualTo("front-proxy");
    assertThat(a.user().name()).isEqualTo(HPA);
    assertThat(a.user().groups()).containsExactly("system:serviceaccounts", "system:authenticated");
    assertThat(a.user().extra()).containsEntry("scopes/x", List.of("a"));
  }

  @Test
  void frontProxyCertificateWithAnotherCnIsRefused() {
    AuthenticationResult r =
        authenticate(FRONT_PROXY_CA.client("mallory"), Map.of("X-Remote-User", List.of(HPA)));
    assertThat(r)
        .isInstanceOfSatisfying(
            Unauthorized.class,
            u -> assertThat(u.reason()).contains("cn=mallory is not in the allowed list"));
  }

  @Test
  void frontProxyCertificateWithoutUserHeaderIsRefused() {
    AuthenticationResult r = authenticate(FRONT_PROXY_CA.client("front-proxy-client"), Map.of());
    assertThat(r)
        .isInstanceOfSatisfying(
            Unauthorized.class, u -> assertThat(u.reason()).contains("no user in [X-Remote-User]"));
  }

  @Test
  void certificateFromAnotherCaIsRefusedEvenWithUserHeader() {
    AuthenticationResult r =
        authenticate(OTHER_CA.client("front-proxy-client"), Map.of("X-Remote-User", List.of(HPA)));
    assertThat(r)
        .isInstanceOfSatisfying(
            Unauthorized.class,
            u -> assertThat(u.reason()).contains("certificate signed by unknown authority"));
  }

  @Test
  void userHeadersWithoutFrontProxyCertificateAreIgnored() {
    AuthenticationResult r = authenticate(null, Map.of("X-Remote-User", List.of(HPA)));
    assertThat(r)
        .isInstanceOfSatisfying(
            Authenticated.class, a -> assertThat(a.user().name()).isEqualTo(UserInfo.ANONYMOUS));
  }

  @Test
  void clientCaCertificateAuthenticatesItsSubject() {
    AuthenticationResult r = authenticate(CLIENT_CA.client("bob", "ops", "admins"), Map.of());
    assertThat(r)
        .isInstanceOfSatisfying(
            Authenticated.class,
            a -> {
              assertThat(a.method()).isEqualTo("x509");
              assertThat(a.user().name()).isEqualTo("bob");
              assertThat(a.user().groups()).containsExactly("ops", "admins");
            });
  }

  @Test
  void expiredCertificateIsRefused() {
    KeyMaterial old = CLIENT_CA.client("bob", Instant.now().minusSeconds(3 * 86_400));
    assertThat(authenticate(old, Map.of())).isInstanceOf(Unauthorized.class);
  }

  @Test
  void acceptedBearerTokenAuthenticatesTheReviewedUser() {
    AuthenticationResult r = authenticate(null, Map.of("Authorization", List.of("Bearer good")));
    assertThat(r)
        .isInstanceOfSatisfying(
            Authenticated.class,
            a -> {
              assertThat(a.method()).isEqualTo("token");
              assertThat(a.user().name()).isEqualTo("alice");
            });
    assertThat(reviewedTokens).containsExactly("good");
  }

  @Test
  void rejectedBearerTokenIsUnauthorizedAndTheReasonHidesTheToken() {
    AuthenticationResult r =
        authenticate(null, Map.of("Authorization", List.of("Bearer s3cr3t-token")));
    assertThat(r)
        .isInstanceOfSatisfying(
            Unauthorized.class,
            u -> assertThat(u.reason()).contains("invalid bearer token").doesNotContain("s3cr3t"));
  }

  @Test
  void failingTokenReviewIsUnauthorized() {
    RequestAuthenticator failing =
        new RequestAuthenticator(
            null,
            List.of(),
            t -> CompletableFuture.failedFuture(new IllegalStateException("down")),
            true,
            Clock.systemUTC());
    AuthenticationResult r =
        failing
            .authenticate(presented(null, Map.of("Authorization", List.of("Bearer x"))))
            .toCompletableFuture()
            .join();
    assertThat(r).isInstanceOf(Unauthorized.class);
  }

  @Test
  void nothingPresentedIsAnonymousOrRefused() {
    assertThat(authenticate(null, Map.of()))
        .isInstanceOfSatisfying(
            Authenticated.class,
            a -> assertThat(a.user().groups()).containsExactly(UserInfo.UNAUTHENTICATED));
    RequestAuthenticator strict =
        new RequestAuthenticator(null, List.of(), tokens, false, Clock.systemUTC());
    assertThat(strict.authenticate(presented(null, Map.of())).toCompletableFuture().join())
        .isInstanceOf(Unauthorized.class);
  }
}
