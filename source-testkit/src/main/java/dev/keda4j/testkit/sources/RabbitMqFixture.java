package dev.keda4j.testkit.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeoutException;

/**
 * The shared RabbitMQ: AMQP at {@code KEDA4J_RABBITMQ_AMQP} (default {@code
 * amqp://guest:guest@127.0.0.1:5672/}) and the management API at {@code KEDA4J_RABBITMQ_HTTP}
 * (default {@code http://guest:guest@127.0.0.1:15672}), which must answer. Helpers declare unique
 * queues and vhosts (deleted after the class), publish messages and wait for the management API's
 * count, which lags a few seconds behind AMQP.
 */
public final class RabbitMqFixture extends AbstractFixture {
  public static final String ENV_AMQP = "KEDA4J_RABBITMQ_AMQP";
  public static final String ENV_HTTP = "KEDA4J_RABBITMQ_HTTP";
  private static final String START =
      "rabbitmq-server -detached && rabbitmq-plugins enable rabbitmq_management"
          + " (or scripts/services.sh)";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI amqp;
  private final URI http;
  private final String user;
  private final String password;
  private final String httpAuth;
  private final String defaultVhost;
  private Connection connection;

  public RabbitMqFixture() {
    this(
        Sources.env(ENV_AMQP, "amqp://guest:guest@127.0.0.1:5672/"),
        Sources.env(ENV_HTTP, "http://guest:guest@127.0.0.1:15672"));
  }

  /** A fixture for the given AMQP URI and management base URL (credentials in the user info). */
  public RabbitMqFixture(String amqpUri, String httpUrl) {
    this.amqp = URI.create(amqpUri);
    this.http = URI.create(httpUrl);
    String[] amqpCreds = creds(amqp);
    this.user = amqpCreds[0];
    this.password = amqpCreds[1];
    String[] httpCreds = http.getUserInfo() == null ? amqpCreds : creds(http);
    this.httpAuth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (httpCreds[0] + ":" + httpCreds[1]).getBytes(StandardCharsets.UTF_8));
    String path = amqp.getRawPath();
    this.defaultVhost =
        path == null || path.isEmpty() || "/".equals(path)
            ? "/"
            : URLDecoder.decode(path.substring(1), StandardCharsets.UTF_8);
  }

  private static String[] creds(URI uri) {
    String info = uri.getRawUserInfo();
    if (info == null) {
      return new String[] {"guest", "guest"};
    }
    int c = info.indexOf(':');
    String u = c < 0 ? info : info.substring(0, c);
    String p = c < 0 ? "" : info.substring(c + 1);
    return new String[] {
      URLDecoder.decode(u, StandardCharsets.UTF_8), URLDecoder.decode(p, StandardCharsets.UTF_8)
    };
  }

  @Override
  protected void doStart() {
    try {
      connection = newConnection(defaultVhost);
    } catch (IOException | TimeoutException e) {
      throw SourceUnavailableException.of("RabbitMQ (AMQP)", amqpAddress(), ENV_AMQP, START, e);
    }
    try {
      HttpResponse<String> r = api("GET", "/api/overview", null);
      if (r.statusCode() != 200) {
        throw new IOException("GET /api/overview answered " + r.statusCode());
      }
    } catch (IOException e) {
      connection.abort();
      throw SourceUnavailableException.of(
          "RabbitMQ management API", managementUrl(), ENV_HTTP, START, e);
    }
  }

  @Override
  protected void doClose() {
    connection.abort();
  }

  private String amqpAddress() {
    return amqp.getHost() + ":" + (amqp.getPort() < 0 ? 5672 : amqp.getPort());
  }

  /** The management base URL without credentials, e.g. {@code http://127.0.0.1:15672}. */
  public String managementUrl() {
    return http.getScheme() + "://" + http.getHost() + ":" + http.getPort();
  }

  /** The management base URL with credentials (as KEDA's {@code host} for protocol http). */
  public String managementUrlWithCredentials(String vhost) {
    return http.getScheme()
        + "://"
        + enc(user)
        + ":"
        + enc(password)
        + "@"
        + http.getHost()
        + ":"
        + http.getPort()
        + "/"
        + enc(vhost);
  }

  /** An AMQP URI for {@code vhost} (as KEDA's {@code host} for protocol amqp). */
  public String amqpUri(String vhost) {
    return "amqp://" + enc(user) + ":" + enc(password) + "@" + amqpAddress() + "/" + enc(vhost);
  }

  /** The vhost of the configured AMQP URI ({@code /} by default). */
  public String defaultVhost() {
    return defaultVhost;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The fixture's connection to the default vhost. */
  public Connection connection() {
    requireStarted();
    return connection;
  }

  /** A new connection to {@code vhost}; the caller closes it. */
  public Connection newConnection(String vhost) throws IOException, TimeoutException {
    ConnectionFactory f = new ConnectionFactory();
    f.setHost(amqp.getHost());
    f.setPort(amqp.getPort() < 0 ? 5672 : amqp.getPort());
    f.setUsername(user);
    f.setPassword(password);
    f.setVirtualHost(vhost);
    f.setConnectionTimeout(5000);
    return f.newConnection("keda4j-source-testkit");
  }

  /** Declares a unique durable queue in the default vhost, deleted after the class. */
  public String declareQueue() {
    return declareQueue(defaultVhost);
  }

  /** Declares a unique durable queue in {@code vhost}, deleted after the class. */
  public String declareQueue(String vhost) {
    requireStarted();
    String q = Sources.uniqueName();
    try {
      HttpResponse<String> r =
          api(
              "PUT",
              "/api/queues/" + enc(vhost) + "/" + q,
              "{\"durable\":true,\"auto_delete\":false}");
      expect2xx(r, "declare queue " + q);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    onClose(() -> api("DELETE", "/api/queues/" + enc(vhost) + "/" + q, null));
    return q;
  }

  /**
   * Creates a unique vhost with full permissions for the fixture's user, deleted after the class.
   */
  public String createVhost() {
    requireStarted();
    String v = Sources.uniqueName();
    try {
      expect2xx(api("PUT", "/api/vhosts/" + enc(v), "{}"), "create vhost " + v);
      expect2xx(
          api(
              "PUT",
              "/api/permissions/" + enc(v) + "/" + enc(user),
              "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}"),
          "grant " + user + " on " + v);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    onClose(() -> api("DELETE", "/api/vhosts/" + enc(v), null));
    return v;
  }

  /** Publishes {@code n} persistent messages to {@code queue} in the default vhost. */
  public void publish(String queue, int n) {
    publish(defaultVhost, queue, n);
  }

  /** Publishes {@code n} messages to {@code queue} in {@code vhost}, waiting for confirms. */
  public void publish(String vhost, String queue, int n) {
    requireStarted();
    try (Connection c = vhost.equals(defaultVhost) ? null : newConnection(vhost);
        Channel ch = (c == null ? connection : c).createChannel()) {
      ch.confirmSelect();
      for (int i = 0; i < n; i++) {
        ch.basicPublish("", queue, null, ("m" + i).getBytes(StandardCharsets.UTF_8));
      }
      ch.waitForConfirmsOrDie(10_000);
    } catch (IOException | TimeoutException e) {
      throw new IllegalStateException("publish to " + vhost + "/" + queue + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The management API's current {@code messages} count of a queue (-1 when not reported yet). */
  public long managementMessageCount(String vhost, String queue) {
    try {
      HttpResponse<String> r = api("GET", "/api/queues/" + enc(vhost) + "/" + enc(queue), null);
      expect2xx(r, "get queue " + queue);
      JsonNode m = JSON.readTree(r.body()).get("messages");
      return m == null ? -1 : m.asLong();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits (up to {@code timeout}) until the management API reports {@code expected} messages. */
  public void awaitManagementCount(String vhost, String queue, long expected, Duration timeout) {
    if (!Sources.await(timeout, () -> managementMessageCount(vhost, queue) == expected)) {
      throw new AssertionError(
          "management API reports "
              + managementMessageCount(vhost, queue)
              + " messages in "
              + vhost
              + "/"
              + queue
              + ", expected "
              + expected
              + " within "
              + timeout);
    }
  }

  /** Calls the management API (path starting with /api) with the fixture's credentials. */
  public HttpResponse<String> api(String method, String path, String jsonBody) throws IOException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(managementUrl() + path))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", httpAuth)
            .header("content-type", "application/json");
    b.method(
        method,
        jsonBody == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(jsonBody));
    return Sources.send(b.build());
  }

  private static void expect2xx(HttpResponse<String> r, String what) throws IOException {
    if (r.statusCode() / 100 != 2) {
      throw new IOException(what + ": HTTP " + r.statusCode() + " " + r.body());
    }
  }
}
