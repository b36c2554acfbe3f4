package dev.keda4j.testkit.sources;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * NATS with JetStream and the monitoring endpoint ({@code /jsz}) that the nats-jetstream scaler
 * reads. By default it starts a private {@code nats-server -js -m <port>} (the machine's shared
 * server has no monitoring port); set both {@code KEDA4J_NATS_URL} (e.g. {@code
 * nats://127.0.0.1:4222}) and {@code KEDA4J_NATS_MONITOR} (e.g. {@code http://127.0.0.1:8222}) to
 * use an existing server. Streams created here are deleted after the class.
 */
public final class NatsFixture extends AbstractFixture {
  public static final String ENV_URL = "KEDA4J_NATS_URL";
  public static final String ENV_MONITOR = "KEDA4J_NATS_MONITOR";
  private static final String BIN = "nats-server";

  private String url;
  private String monitorUrl;
  private ManagedProcess process;
  private Path dir;
  private Connection connection;

  @Override
  protected void doStart() {
    if (Sources.envSet(ENV_URL) && Sources.envSet(ENV_MONITOR)) {
      url = Sources.env(ENV_URL, "");
      monitorUrl = stripSlash(Sources.env(ENV_MONITOR, ""));
    } else {
      startPrivate();
    }
    try {
      connection =
          Nats.connect(
              new Options.Builder()
                  .server(url)
                  .connectionTimeout(Duration.ofSeconds(5))
                  .maxReconnects(0)
                  .build());
      HttpResponse<String> r = Sources.httpGet(monitorUrl + "/jsz");
      if (r.statusCode() != 200) {
        throw new IOException("GET " + monitorUrl + "/jsz answered " + r.statusCode());
      }
    } catch (IOException e) {
      stopPrivate();
      throw SourceUnavailableException.of(
          "NATS JetStream",
          url + " (monitor " + monitorUrl + ")",
          ENV_URL + " and " + ENV_MONITOR,
          "nats-server -js -a 127.0.0.1 -p 4222 -m 8222",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopPrivate();
      throw new IllegalStateException(e);
    }
  }

  private void startPrivate() {
    int port = Sources.freePort();
    int monitor = Sources.freePort();
    dir = Sources.tempDir("k4j-nats-");
    url = "nats://127.0.0.1:" + port;
    monitorUrl = "http://127.0.0.1:" + monitor;
    List<String> cmd =
        List.of(
            BIN,
            "-js",
            "-a",
            "127.0.0.1",
            "-p",
            Integer.toString(port),
            "-m",
            Integer.toString(monitor),
            "-sd",
            dir.toString());
    try {
      process =
          ManagedProcess.start(
              "nats-server",
              cmd,
              dir,
              Duration.ofSeconds(20),
              () ->
                  Sources.listening("127.0.0.1", port) && Sources.listening("127.0.0.1", monitor));
    } catch (SourceUnavailableException e) {
      Sources.deleteRecursively(dir);
      throw SourceUnavailableException.of(
          "NATS (private nats-server)",
          url,
          ENV_URL + " and " + ENV_MONITOR,
          "apt-get install nats-server (the fixture runs: " + String.join(" ", cmd) + ")",
          e);
    }
  }

  private void stopPrivate() {
    if (process != null) {
      process.close();
      process = null;
    }
    Sources.deleteRecursively(dir);
    dir = null;
  }

  @Override
  protected void doClose() {
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stopPrivate();
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /** The client URL, e.g. {@code nats://127.0.0.1:43123}. */
  public String url() {
    requireStarted();
    return url;
  }

  /** The monitoring base URL, e.g. {@code http://127.0.0.1:43124} (serves {@code /jsz}). */
  public String monitorUrl() {
    requireStarted();
    return monitorUrl;
  }

  /** host:port of the monitoring endpoint (KEDA's {@code natsServerMonitoringEndpoint}). */
  public String monitorHostPort() {
    URI u = URI.create(monitorUrl());
    return u.getHost() + ":" + u.getPort();
  }

  public Connection connection() {
    requireStarted();
    return connection;
  }

  /** Creates a unique memory stream over subjects {@code <name>.>}; deleted after the class. */
  public String createStream() {
    requireStarted();
    String name = Sources.uniqueName();
    try {
      JetStreamManagement jsm = connection.jetStreamManagement();
      jsm.addStream(
          StreamConfiguration.builder()
              .name(name)
              .subjects(name + ".>")
              .storageType(StorageType.Memory)
              .build());
      onClose(() -> connection.jetStreamManagement().deleteStream(name));
    } catch (IOException | JetStreamApiException e) {
      throw new IllegalStateException("create stream " + name, e);
    }
    return name;
  }

  /** Creates a unique durable pull consumer (explicit ack) on {@code stream}. */
  public String createConsumer(String stream) {
    requireStarted();
    String name = Sources.uniqueName();
    try {
      connection
          .jetStreamManagement()
          .addOrUpdateConsumer(
              stream,
              ConsumerConfiguration.builder().durable(name).ackPolicy(AckPolicy.Explicit).build());
    } catch (IOException | JetStreamApiException e) {
      throw new IllegalStateException("create consumer " + name + " on " + stream, e);
    }
    return name;
  }

  /** Publishes {@code n} messages to {@code subject} through JetStream (each acknowledged). */
  public void publish(String subject, int n) {
    requireStarted();
    try {
      JetStream js = connection.jetStream();
      for (int i = 0; i < n; i++) {
        js.publish(subject, ("m" + i).getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException | JetStreamApiException e) {
      throw new IllegalStateException("publish to " + subject, e);
    }
  }

  /** GET {@code /jsz?<query>} from the monitoring endpoint, e.g. {@code "consumers=true"}. */
  public String jsz(String query) {
    try {
      HttpResponse<String> r =
          Sources.httpGet(monitorUrl() + "/jsz" + (query.isEmpty() ? "" : "?" + query));
      if (r.statusCode() != 200) {
        throw new IOException("GET /jsz answered " + r.statusCode());
      }
      return r.body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
