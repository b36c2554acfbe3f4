package dev.keda4j.adapter.http;

import dev.keda4j.adapter.api.KubeStatus;
import dev.keda4j.adapter.auth.AuthenticationResult;
import dev.keda4j.adapter.auth.AuthenticationResult.Authenticated;
import dev.keda4j.adapter.auth.AuthenticationResult.Unauthorized;
import dev.keda4j.adapter.auth.AuthorizationAttributes;
import dev.keda4j.adapter.auth.AuthorizationDecision;
import dev.keda4j.adapter.auth.Authorizer;
import dev.keda4j.adapter.auth.PresentedCredentials;
import dev.keda4j.adapter.auth.RequestAttributesResolver;
import dev.keda4j.adapter.auth.RequestAuthenticator;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates, then authorizes, every request before routing: 401 or 403 as a Status, else the
 * attributes are left in the context for the request metrics.
 */
final class AuthHandler implements Handler<RoutingContext> {
  static final String ATTRIBUTES = "keda4j.attributes";
  private static final Logger LOG = LoggerFactory.getLogger(AuthHandler.class);

  private final RequestAuthenticator authenticator;
  private final Authorizer authorizer;

  AuthHandler(RequestAuthenticator authenticator, Authorizer authorizer) {
    this.authenticator = authenticator;
    this.authorizer = authorizer;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    String path = req.path();
    CompletableFuture<Outcome> decided =
        authenticator
            .authenticate(credentials(req))
            .thenCompose(result -> authorize(result, req.method().name(), path))
            .toCompletableFuture();
    if (decided.isDone()) {
      // cached decisions complete at once: no hop back through the event loop's task queue
      Throwable failure = failureOf(decided);
      complete(ctx, req, path, failure == null ? decided.getNow(null) : null, failure);
      return;
    }
    Context context = Vertx.currentContext();
    decided.whenComplete(
        (outcome, failure) ->
            context.runOnContext(v -> complete(ctx, req, path, outcome, failure)));
  }

  private static Throwable failureOf(CompletableFuture<?> done) {
    if (!done.isCompletedExceptionally()) {
      return null;
    }
    try {
      done.join();
      return new IllegalStateException("completed exceptionally");
    } catch (CompletionException | CancellationException e) {
      return e.getCause() == null ? e : e.getCause();
    }
  }

  private static void complete(
      RoutingContext ctx, HttpServerRequest req, String path, Outcome outcome, Throwable failure) {
    if (failure != null) {
      LOG.warn("refused {} {}: 500 ({})", req.method(), path, failure.getClass());
      Responses.status(ctx, KubeStatus.internal("internal error while authorizing the request"));
    } else if (outcome.status() != null) {
      LOG.info(
          "refused {} {}: {} ({})", req.method(), path, outcome.status().code(), outcome.reason());
      Responses.status(ctx, outcome.status());
    } else {
      ctx.put(ATTRIBUTES, outcome.attributes());
      ctx.next();
    }
  }

  private record Outcome(AuthorizationAttributes attributes, KubeStatus status, String reason) {}

  private CompletionStage<Outcome> authorize(
      AuthenticationResult result, String method, String path) {
    if (result instanceof Unauthorized u) {
      return CompletableFuture.completedFuture(
          new Outcome(null, KubeStatus.unauthorized(), u.reason()));
    }
    Authenticated authenticated = (Authenticated) result;
    AuthorizationAttributes attributes =
        RequestAttributesResolver.resolve(authenticated.user(), method, path);
    return authorizer
        .authorize(attributes)
        .thenApply(decision -> decide(attributes, decision, authenticated.method()));
  }

  private static Outcome decide(
      AuthorizationAttributes a, AuthorizationDecision decision, String method) {
    if (decision.allowed()) {
      return new Outcome(a, null, "");
    }
    KubeStatus forbidden =
        a.resourceRequest()
            ? KubeStatus.forbiddenResource(
                a.user().name(), a.verb(), a.resource(), a.namespace(), decision.reason())
            : KubeStatus.forbiddenPath(a.user().name(), a.verb(), a.path(), decision.reason());
    return new Outcome(a, forbidden, "user " + a.user().name() + " by " + method);
  }

  private static PresentedCredentials credentials(HttpServerRequest req) {
    MultiMap headers = req.headers();
    return new PresentedCredentials(
        peerChain(req), headers::getAll, new ArrayList<>(headers.names()));
  }

  private static List<X509Certificate> peerChain(HttpServerRequest req) {
    if (!req.isSSL()) {
      return List.of();
    }
    try {
      List<X509Certificate> chain = new ArrayList<>();
      for (Certificate c : req.connection().peerCertificates()) {
        if (c instanceof X509Certificate x) {
          chain.add(x);
        }
      }
      return chain;
    } catch (SSLPeerUnverifiedException e) {
      return List.of();
    }
  }
}
