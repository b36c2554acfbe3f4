package dev.keda4j.adapter.auth;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the adapter's authentication settings in step with ConfigMap {@code
 * kube-system/extension-apiserver-authentication}, as the generic API server's dynamic CA content
 * does: a GET every interval, and when its {@code resourceVersion} changed and the data parses, the
 * new settings go to the consumer (which swaps them atomically). An unreadable, deleted or
 * malformed ConfigMap keeps the settings in use.
 */
public final class ExtensionAuthenticationWatcher implements AutoCloseable {
  public static final String NAMESPACE = "kube-system";
  public static final String NAME = "extension-apiserver-authentication";
  private static final Logger LOG = LoggerFactory.getLogger(ExtensionAuthenticationWatcher.class);

  private final CoreV1Api api;
  private final String namespace;
  private final Consumer<ExtensionApiserverAuthentication> onChange;
  private final ScheduledExecutorService timer;
  private volatile String seenVersion;
  private volatile String lastProblem;

  /**
   * @param client the API client
   * @param namespace the ConfigMap's namespace ({@link #NAMESPACE} in a cluster)
   * @param onChange receives the new settings after a change (on the watcher's thread)
   */
  public ExtensionAuthenticationWatcher(
      ApiClient client, String namespace, Consumer<ExtensionApiserverAuthentication> onChange) {
    this.api = new CoreV1Api(Objects.requireNonNull(client, "client"));
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.onChange = Objects.requireNonNull(onChange, "onChange");
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "keda4j-extension-auth-watch");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Reads the ConfigMap once (before the server starts) and remembers its version; empty when it
   * cannot be read or does not parse (then only bearer tokens authenticate until it can).
   */
  public Optional<ExtensionApiserverAuthentication> readInitial() {
    return read().map(Read::settings);
  }

  /** Re-reads the ConfigMap now; true when new settings were handed over. */
  public boolean checkNow() {
    String before = seenVersion;
    Optional<Read> read = read();
    if (read.isEmpty() || Objects.equals(before, read.get().version())) {
      return false;
    }
    LOG.info(
        "ConfigMap {}/{} changed (resourceVersion {} -> {}): authentication settings reloaded",
        namespace,
        NAME,
        before,
        read.get().version());
    onChange.accept(read.get().settings());
    return true;
  }

  /** Checks every {@code interval} from now on. */
  public ExtensionAuthenticationWatcher start(Duration interval) {
    long ms = interval.toMillis();
    timer.scheduleWithFixedDelay(this::checkQuietly, ms, ms, TimeUnit.MILLISECONDS);
    return this;
  }

  private void checkQuietly() {
    try {
      checkNow();
    } catch (RuntimeException e) {
      problem("check failed: " + e.getClass().getSimpleName());
    }
  }

  private record Read(String version, ExtensionApiserverAuthentication settings) {}

  private Optional<Read> read() {
    V1ConfigMap configMap;
    try {
      configMap = api.readNamespacedConfigMap(NAME, namespace).execute();
    } catch (ApiException e) {
      problem("cannot be read (HTTP " + e.getCode() + "), keeping the settings in use");
      return Optional.empty();
    }
    String version =
        configMap.getMetadata() == null ? null : configMap.getMetadata().getResourceVersion();
    Map<String, String> data = configMap.getData() == null ? Map.of() : configMap.getData();
    try {
      ExtensionApiserverAuthentication settings = ExtensionApiserverAuthentication.parse(data);
      seenVersion = version;
      lastProblem = null;
      return Optional.of(new Read(version, settings));
    } catch (IllegalArgumentException e) {
      // remembered, so one broken version is reported once, not every interval
      seenVersion = version;
      problem("does not parse (" + e.getMessage() + "), keeping the settings in use");
      return Optional.empty();
    }
  }

  private void problem(String text) {
    if (!text.equals(lastProblem)) {
      lastProblem = text;
      LOG.warn("ConfigMap {}/{} {}", namespace, NAME, text);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
