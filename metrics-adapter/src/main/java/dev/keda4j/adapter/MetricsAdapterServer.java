package dev.keda4j.adapter;

import dev.keda4j.adapter.auth.AccessPolicy;
import dev.keda4j.adapter.auth.Authenticator;
import dev.keda4j.adapter.auth.Authorizer;
import dev.keda4j.adapter.auth.CachingAuthenticator;
import dev.keda4j.adapter.auth.CachingAuthorizer;
import dev.keda4j.adapter.auth.ExtensionApiserverAuthentication;
import dev.keda4j.adapter.auth.RequestAuthenticator;
import dev.keda4j.adapter.http.AdapterRoutes;
import dev.keda4j.adapter.tls.ClientCertificateRequester;
import dev.keda4j.adapter.tls.FileSetReloader;
import dev.keda4j.adapter.tls.KeyMaterial;
import dev.keda4j.adapter.tls.KeyMaterialChecks;
import dev.keda4j.adapter.tls.ReloadingKeyManager;
import dev.keda4j.adapter.tls.SelfSignedCertificate;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.Http2Settings;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.TrustOptions;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The external metrics API server (external.metrics.k8s.io/v1beta1) as KEDA's {@code
 * keda-metrics-apiserver} serves it: HTTPS only, delegated authentication and authorization, values
 * from a {@link MetricsSource}.
 */
public final class MetricsAdapterServer {
  private static final Logger LOG = LoggerFactory.getLogger(MetricsAdapterServer.class);

  /** Go's HTTP/2 server default, which KEDA's adapter inherits. */
  private static final long MAX_STREAMS = 250;

  private static final Set<String> TLS_PROTOCOLS = Set.of("TLSv1.2", "TLSv1.3");

  private MetricsAdapterServer() {}

  /**
   * Starts the server.
   *
   * @param vertx the Vert.x instance (not closed by the server)
   * @param options where to listen and whom to trust
   * @param source metric values
   * @param tokens bearer-token reviewer (TokenReview), or null to refuse bearer tokens
   * @param authorizer delegated authorizer (SubjectAccessReview)
   * @return the running server, once it listens
   */
  public static CompletionStage<RunningAdapter> start(
      Vertx vertx,
      AdapterOptions options,
      MetricsSource source,
      Authenticator tokens,
      Authorizer authorizer) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(authorizer, "authorizer");
    return vertx
        .executeBlocking(() -> initialKeyMaterial(vertx, options))
        .compose(initial -> listen(vertx, options, source, tokens, authorizer, initial))
        .toCompletionStage();
  }

  /** The serving material, and what follows its files (null when it was generated). */
  private record Initial(KeyMaterial material, FileSetReloader<KeyMaterial> reloader) {}

  private static Initial initialKeyMaterial(Vertx vertx, AdapterOptions options)
      throws IOException {
    if (options.tlsCertFile() == null) {
      LOG.info("no serving certificate given: generated a self-signed one");
      return new Initial(
          SelfSignedCertificate.generate(options.selfSignedHosts(), options.clock().instant()),
          null);
    }
    FileSetReloader<KeyMaterial> reloader =
        new FileSetReloader<>(
            vertx,
            "serving certificate " + options.tlsCertFile() + " / key " + options.tlsKeyFile(),
            List.of(options.tlsCertFile(), options.tlsKeyFile()),
            options.certReloadInterval(),
            contents -> KeyMaterialChecks.parse(contents.get(0), contents.get(1)));
    // one read: what the server starts with is also what later changes are compared with
    KeyMaterial material = reloader.load();
    return new Initial(material, reloader);
  }

  private static Future<RunningAdapter> listen(
      Vertx vertx,
      AdapterOptions options,
      MetricsSource source,
      Authenticator tokens,
      Authorizer authorizer,
      Initial initial) {
    ReloadingKeyManager keyManager = new ReloadingKeyManager(initial.material());
    ClientCertificateRequester requester =
        new ClientCertificateRequester(
            acceptedIssuers(
                new ExtensionApiserverAuthentication(options.clientCa(), options.requestHeader())));
    HttpServerOptions serverOptions =
        new HttpServerOptions()
            .setHost(options.host())
            .setSsl(true)
            .setKeyCertOptions(KeyCertOptions.wrap(keyManager))
            .setTrustOptions(TrustOptions.wrap(requester))
            .setClientAuth(ClientAuth.REQUEST)
            // the kube-aggregator and client-go speak HTTP/2 when offered: one connection, many
            // reads
            .setUseAlpn(true)
            .setInitialSettings(new Http2Settings().setMaxConcurrentStreams(MAX_STREAMS))
            .setEnabledSecureTransportProtocols(TLS_PROTOCOLS);
    PrometheusMeterRegistry registry =
        options.meterRegistry() != null
            ? options.meterRegistry()
            : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Authenticator cachedTokens =
        tokens == null
            ? null
            : new CachingAuthenticator(tokens, options.authCacheTtl(), options.clock());
    RequestAuthenticator authenticator =
        new RequestAuthenticator(
            options.requestHeader(),
            options.clientCa(),
            cachedTokens,
            options.anonymousAuth(),
            options.clock());
    Authorizer policy =
        new AccessPolicy(
            new CachingAuthorizer(
                authorizer, options.authCacheTtl(), options.authCacheTtl(), options.clock()));
    AtomicBoolean shuttingDown = new AtomicBoolean();
    AdapterRoutes.Wiring wiring =
        new AdapterRoutes.Wiring(
            vertx,
            source,
            options.metricReadTimeout(),
            authenticator,
            policy,
            registry,
            options.clock(),
            options.gitVersion(),
            shuttingDown::get);
    Router router = AdapterRoutes.router(wiring);
    try {
      // instances share a port only when each asks for the same one: port 0 would give each its own
      serverOptions.setPort(
          options.port() == 0 && options.eventLoops() > 1
              ? freePort(options.host())
              : options.port());
    } catch (IOException e) {
      return Future.failedFuture(e);
    }
    return vertx
        .createHttpServer(serverOptions)
        .requestHandler(router)
        .listen()
        .compose(
            bound ->
                moreEventLoops(vertx, serverOptions, router, bound, options.eventLoops() - 1)
                    .map(extra -> new Listening(bound, extra)))
        .map(
            listening -> {
              HttpServer bound = listening.server();
              FileSetReloader<KeyMaterial> reloader = initial.reloader();
              if (reloader != null) {
                reloader.start(
                    m -> {
                      keyManager.replace(m);
                      LOG.info(
                          "serving certificate reloaded from {}: {}",
                          options.tlsCertFile(),
                          m.leaf().getSubjectX500Principal());
                      return Future.succeededFuture();
                    });
              }
              LOG.info(
                  "metrics adapter listening on https://{}:{}", options.host(), bound.actualPort());
              return new Running(
                  vertx,
                  bound,
                  listening.extraDeployment(),
                  keyManager,
                  registry,
                  reloader,
                  shuttingDown,
                  authenticator,
                  requester);
            });
  }

  private record Listening(HttpServer server, String extraDeployment) {}

  /** A port free right now (tests ask for port 0; only they can race for it). */
  static int freePort(String host) throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return probe.getLocalPort();
    }
  }

  /**
   * Serves the bound port from {@code count} more event loops. Vert.x shares one listening port
   * between server instances on different event loops and spreads connections over them; one
   * instance alone caps TLS, HTTP/2 and JSON at one core, however many the pod has.
   *
   * @return the deployment holding the extra instances, or null when there are none
   */
  private static Future<String> moreEventLoops(
      Vertx vertx, HttpServerOptions options, Router router, HttpServer bound, int count) {
    if (count <= 0) {
      return Future.succeededFuture(null);
    }
    HttpServerOptions samePort = new HttpServerOptions(options).setPort(bound.actualPort());
    return vertx
        .deployVerticle(
            () ->
                new VerticleBase() {
                  @Override
                  public Future<?> start() {
                    return vertx.createHttpServer(samePort).requestHandler(router).listen();
                  }
                },
            new DeploymentOptions().setInstances(count))
        .recover(e -> bound.close().transform(ignored -> Future.failedFuture(e)));
  }

  private static List<X509Certificate> acceptedIssuers(ExtensionApiserverAuthentication auth) {
    List<X509Certificate> issuers = new ArrayList<>(auth.clientCa());
    if (auth.requestHeader() != null) {
      issuers.addAll(auth.requestHeader().clientCa());
    }
    return issuers;
  }

  private record Running(
      Vertx vertx,
      HttpServer server,
      String extraDeployment,
      ReloadingKeyManager keyManager,
      PrometheusMeterRegistry meterRegistry,
      FileSetReloader<KeyMaterial> reloader,
      AtomicBoolean shuttingDown,
      RequestAuthenticator authenticator,
      ClientCertificateRequester requester)
      implements RunningAdapter {
    @Override
    public void updateAuthentication(ExtensionApiserverAuthentication settings) {
      authenticator.update(settings.requestHeader(), settings.clientCa());
      requester.update(acceptedIssuers(settings));
    }

    @Override
    public int port() {
      return server.actualPort();
    }

    @Override
    public X509Certificate servingCertificate() {
      return keyManager.current().leaf();
    }

    @Override
    public CompletionStage<Void> close() {
      shuttingDown.set(true);
      if (reloader != null) {
        reloader.close();
      }
      Future<Void> extra =
          extraDeployment == null ? Future.succeededFuture() : vertx.undeploy(extraDeployment);
      return Future.join(extra, server.close()).<Void>mapEmpty().toCompletionStage();
    }
  }
}
