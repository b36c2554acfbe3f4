package dev.keda4j.adapter.auth;

import dev.keda4j.adapter.auth.AuthenticationResult.Authenticated;
import dev.keda4j.adapter.auth.AuthenticationResult.Unauthorized;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The delegated authenticator chain of a generic API server: front-proxy (request header) client
 * certificate, x509 client certificate, bearer token via {@link Authenticator}, then anonymous.
 * Like Go's union-with-fail-on-error: any authenticator that errs (a certificate that does not
 * verify, a CN not allowed, a token the review rejects) makes the request 401 unless another one
 * accepted it; only a request that presented nothing usable becomes anonymous.
 */
public final class RequestAuthenticator {
  /** What is trusted, swapped as one when the cluster's settings change. */
  private record Trust(
      RequestHeaderConfig frontProxy,
      ClientCertificateVerifier frontProxyVerifier,
      ClientCertificateVerifier clientCaVerifier) {
    static Trust of(RequestHeaderConfig frontProxy, List<X509Certificate> clientCa) {
      return new Trust(
          frontProxy,
          new ClientCertificateVerifier(frontProxy == null ? List.of() : frontProxy.clientCa()),
          new ClientCertificateVerifier(clientCa));
    }
  }

  private volatile Trust trust;
  private final Authenticator tokens;
  private final boolean anonymousAllowed;
  private final Clock clock;

  /**
   * @param frontProxy request-header settings, or null to not accept front-proxy requests
   * @param clientCa CAs for plain x509 client certificates (may be empty)
   * @param tokens token reviewer, or null to not accept bearer tokens
   * @param anonymousAllowed whether requests without credentials become {@code system:anonymous}
   * @param clock time for certificate validity
   */
  public RequestAuthenticator(
      RequestHeaderConfig frontProxy,
      List<X509Certificate> clientCa,
      Authenticator tokens,
      boolean anonymousAllowed,
      Clock clock) {
    this.trust = Trust.of(frontProxy, clientCa);
    this.tokens = tokens;
    this.anonymousAllowed = anonymousAllowed;
    this.clock = clock;
  }

  /**
   * Replaces the front-proxy settings and the client CAs atomically (the {@code
   * extension-apiserver-authentication} ConfigMap changed); requests already being authenticated
   * finish with the settings they started with.
   */
  public void update(RequestHeaderConfig frontProxy, List<X509Certificate> clientCa) {
    this.trust = Trust.of(frontProxy, clientCa);
  }

  /** The front-proxy settings in use, or null. */
  public RequestHeaderConfig frontProxy() {
    return trust.frontProxy();
  }

  /** Authenticates one request; never completes exceptionally. */
  public CompletionStage<AuthenticationResult> authenticate(PresentedCredentials credentials) {
    Trust t = trust;
    List<String> errors = new ArrayList<>();
    List<X509Certificate> chain = credentials.clientChain();
    if (!chain.isEmpty()) {
      UserInfo proxied = frontProxyUser(t, chain, credentials, errors);
      if (proxied != null) {
        return done(new Authenticated(proxied, "front-proxy"));
      }
      UserInfo certUser = x509User(t, chain, errors);
      if (certUser != null) {
        return done(new Authenticated(certUser, "x509"));
      }
    }
    String token = credentials.bearerToken();
    if (token == null || tokens == null) {
      return done(fallback(errors, token != null));
    }
    return reviewToken(token)
        .handle(
            (review, failure) -> {
              if (failure == null && review.authenticated()) {
                return new Authenticated(review.user(), "token");
              }
              errors.add(
                  failure != null
                      ? "token review failed: " + failure.getClass().getSimpleName()
                      : "invalid bearer token"
                          + (review.error().isEmpty() ? "" : ", " + review.error()));
              return fallback(errors, true);
            });
  }

  private CompletionStage<TokenReviewResult> reviewToken(String token) {
    try {
      CompletionStage<TokenReviewResult> stage = tokens.authenticate(token);
      return stage == null
          ? CompletableFuture.failedFuture(new IllegalStateException("no review"))
          : stage;
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private AuthenticationResult fallback(List<String> errors, boolean tokenIgnored) {
    if (!errors.isEmpty()) {
      return new Unauthorized(String.join("; ", errors));
    }
    if (tokenIgnored) {
      return new Unauthorized("bearer tokens are not accepted");
    }
    return anonymousAllowed
        ? new Authenticated(UserInfo.anonymous(), "anonymous")
        : new Unauthorized("no credentials");
  }

  private UserInfo frontProxyUser(
      Trust t, List<X509Certificate> chain, PresentedCredentials credentials, List<String> errors) {
    RequestHeaderConfig frontProxy = t.frontProxy();
    ClientCertificateVerifier frontProxyVerifier = t.frontProxyVerifier();
    if (frontProxy == null || !frontProxyVerifier.hasAnchors()) {
      return null;
    }
    String problem = frontProxyVerifier.problem(chain, clock.instant());
    if (problem != null) {
      errors.add("front-proxy: " + problem);
      return null;
    }
    String cn = ClientCertificateVerifier.commonName(chain.get(0));
    if (!frontProxy.allowedNames().isEmpty() && !frontProxy.allowedNames().contains(cn)) {
      errors.add("front-proxy: x509: subject with cn=" + cn + " is not in the allowed list");
      return null;
    }
    String name = firstValue(credentials, frontProxy.usernameHeaders());
    if (name.isEmpty()) {
      // Stricter than Go (which falls through to anonymous): the aggregator always names the user.
      errors.add("front-proxy: no user in " + frontProxy.usernameHeaders());
      return null;
    }
    List<String> groups = new ArrayList<>();
    for (String header : frontProxy.groupHeaders()) {
      groups.addAll(credentials.headers().apply(header));
    }
    return new UserInfo(
        name,
        firstValue(credentials, frontProxy.uidHeaders()),
        groups,
        extra(frontProxy, credentials));
  }

  private static Map<String, List<String>> extra(
      RequestHeaderConfig frontProxy, PresentedCredentials credentials) {
    Map<String, List<String>> extra = new LinkedHashMap<>();
    for (String header : credentials.headerNames()) {
      for (String prefix : frontProxy.extraHeaderPrefixes()) {
        if (header.regionMatches(true, 0, prefix, 0, prefix.length())) {
          String key =
              URLDecoder.decode(header.substring(prefix.length()), StandardCharsets.UTF_8)
                  .toLowerCase(Locale.ROOT);
          extra
              .computeIfAbsent(key, k -> new ArrayList<>())
              .addAll(credentials.headers().apply(header));
        }
      }
    }
    return extra;
  }

  private UserInfo x509User(Trust t, List<X509Certificate> chain, List<String> errors) {
    ClientCertificateVerifier clientCaVerifier = t.clientCaVerifier();
    if (!clientCaVerifier.hasAnchors()) {
      if (t.frontProxy() == null) {
        errors.add("x509: no client CA configured");
      }
      return null;
    }
    String problem = clientCaVerifier.problem(chain, clock.instant());
    if (problem != null) {
      errors.add("x509: " + problem);
      return null;
    }
    X509Certificate leaf = chain.get(0);
    return UserInfo.of(
        ClientCertificateVerifier.commonName(leaf), ClientCertificateVerifier.organizations(leaf));
  }

  private static String firstValue(PresentedCredentials credentials, List<String> headers) {
    for (String header : headers) {
      for (String value : credentials.headers().apply(header)) {
        if (!value.isEmpty()) {
          return value;
        }
      }
    }
    return "";
  }

  private static CompletionStage<AuthenticationResult> done(AuthenticationResult result) {
    return CompletableFuture.completedFuture(result);
  }
}
