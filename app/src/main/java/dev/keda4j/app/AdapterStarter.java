package dev.keda4j.app;

import dev.keda4j.adapter.AdapterOptions;
import dev.keda4j.adapter.MetricsAdapterServer;
import dev.keda4j.adapter.MetricsSource;
import dev.keda4j.adapter.RunningAdapter;
import dev.keda4j.adapter.auth.ExtensionApiserverAuthentication;
import dev.keda4j.adapter.auth.SubjectAccessReviewAuthorizer;
import dev.keda4j.adapter.auth.TokenReviewAuthenticator;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the external metrics API server with the cluster's own authentication settings. */
final class AdapterStarter {

  private static final Logger LOG = LoggerFactory.getLogger(AdapterStarter.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration CERT_RELOAD = Duration.ofSeconds(30);

  /**
   * Without the keda.sh CRDs no ScaledObject controller runs and there is no scaler cache to read:
   * every read fails with this text, which the HPA shows, instead of a value that could scale a
   * workload.
   */
  static final MetricsSource NOT_SERVED_YET =
      (namespace, name, metric) ->
          CompletableFuture.failedFuture(
              new IllegalStateException(
                  "ScaledObject "
                      + namespace
                      + "/"
                      + name
                      + ": metric "
                      + metric
                      + " is not served: the ScaledObject controller is not running"));

  private AdapterStarter() {}

  static RunningAdapter start(
      Vertx vertx,
      ApiClient client,
      ExecutorService blocking,
      RunOptions options,
      MetricsSource source) {
    AdapterOptions adapterOptions =
        AdapterOptions.defaults().withListen("0.0.0.0", options.securePort());
    Path cert = options.certDir().resolve("tls.crt");
    Path key = options.certDir().resolve("tls.key");
    if (Files.isReadable(cert) && Files.isReadable(key)) {
      adapterOptions = adapterOptions.withTlsFiles(cert, key, CERT_RELOAD);
    } else {
      LOG.warn(
          "no tls.crt/tls.key in {}: the metrics API serves a self-signed certificate",
          options.certDir());
    }
    ExtensionApiserverAuthentication auth = clusterAuthentication(client);
    if (auth != null) {
      adapterOptions = adapterOptions.withClientCa(auth.clientCa());
      if (auth.requestHeader() != null) {
        adapterOptions = adapterOptions.withRequestHeader(auth.requestHeader());
      }
    }
    try {
      return MetricsAdapterServer.start(
              vertx,
              adapterOptions,
              source,
              new TokenReviewAuthenticator(client, blocking, List.of()),
              new SubjectAccessReviewAuthorizer(client, blocking))
          .toCompletableFuture()
          .get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserFacingException("interrupted while starting the metrics API", e);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new UserFacingException(
          "cannot start the metrics API on port "
              + options.securePort()
              + ": "
              + cause.getMessage(),
          cause);
    }
  }

  /**
   * The aggregator's front-proxy CA and the client CA, as kube-apiserver publishes them; null when
   * they cannot be read (then only bearer tokens authenticate).
   */
  private static ExtensionApiserverAuthentication clusterAuthentication(ApiClient client) {
    try {
      V1ConfigMap configMap =
          new CoreV1Api(client)
              .readNamespacedConfigMap("extension-apiserver-authentication", "kube-system")
              .execute();
      Map<String, String> data = configMap.getData() == null ? Map.of() : configMap.getData();
      return ExtensionApiserverAuthentication.parse(data);
    } catch (ApiException e) {
      LOG.warn(
          "cannot read ConfigMap kube-system/extension-apiserver-authentication (HTTP {}):"
              + " aggregator client certificates will be refused",
          e.getCode());
      return null;
    } catch (IllegalArgumentException e) {
      LOG.warn(
          "ConfigMap kube-system/extension-apiserver-authentication does not parse: {}",
          e.getMessage());
      return null;
    }
  }
}
