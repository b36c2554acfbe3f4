package dev.keda4j.conformance;

import static java.nio.charset.StandardCharsets.US_ASCII;

import dev.keda4j.scalers.spi.ScalerContext;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Minimal valid trigger metadata per registered trigger type, pointed at a given loopback port,
 * with every secret the type takes set to a caller-chosen value. A type registered through {@code
 * ScalerRegistry.load()} without an entry here fails the conformance tests: its author adds one.
 */
final class TriggerTable {

  /** The four ways a poll must fail. */
  enum Scenario {
    UNREACHABLE,
    TIMEOUT,
    AUTH_FAILURE,
    MALFORMED
  }

  /** Wire protocol families, each with its own rejection and garbage replies. */
  enum Wire {
    RESP(
        "-WRONGPASS invalid username-password pair or user is disabled.\r\n".getBytes(US_ASCII),
        "?k4j-not-resp\u0001\u0002\r\n".getBytes(US_ASCII),
        false),
    HTTP(
        http("401 Unauthorized", "{\"error\":\"not_authorised\",\"reason\":\"Login failed\"}"),
        http("200 OK", "\u0000<<k4j: this is not the document you asked for>>{"),
        true),
    // a length-prefixed frame whose correlation id answers no request
    KAFKA(null, new byte[] {0, 0, 0, 8, 0x7f, -1, -1, -1, 'k', '4', 'j', '!'}, false),
    // The server speaks first. Rejections come from the real MariaDB (Entry.authServerPort); the
    // garbage is a complete packet (a truncated one would leave the client waiting for the rest)
    // whose protocol version 0x7f no server sends.
    MYSQL(
        null,
        new byte[] {12, 0, 0, 0, 0x7f, 'k', '4', 'j', '-', 'n', 'o', 't', '-', 's', 'q', 'l'},
        true,
        true),
    // Asks for a cleartext password, then refuses it with SQLSTATE 28P01 as a server with a
    // password rule in pg_hba.conf would; answered to every message, so the client reads the
    // refusal after sending the password rather than a reset.
    POSTGRES(
        concat(
            new byte[] {'R', 0, 0, 0, 8, 0, 0, 0, 3},
            pgError("FATAL", "28P01", "password authentication failed for user \"k4j\"")),
        "k4j-not-postgres\u0001\u0002".getBytes(US_ASCII),
        false);

    final byte[] reject;
    final byte[] garbage;
    final boolean closeAfterReply;

    /** Whether the server writes first, on accepting, as MySQL's handshake does. */
    final boolean greets;

    Wire(byte[] reject, byte[] garbage, boolean closeAfterReply) {
      this(reject, garbage, closeAfterReply, false);
    }

    Wire(byte[] reject, byte[] garbage, boolean closeAfterReply, boolean greets) {
      this.reject = reject;
      this.garbage = garbage;
      this.closeAfterReply = closeAfterReply;
      this.greets = greets;
    }

    private static byte[] concat(byte[] a, byte[] b) {
      byte[] out = Arrays.copyOf(a, a.length + b.length);
      System.arraycopy(b, 0, out, a.length, b.length);
      return out;
    }

    /** A PostgreSQL ErrorResponse: severity, SQLSTATE and message fields. */
    private static byte[] pgError(String severity, String code, String message) {
      String fields = "S" + severity + "\0V" + severity + "\0C" + code + "\0M" + message + "\0\0";
      byte[] body = fields.getBytes(US_ASCII);
      ByteBuffer b = ByteBuffer.allocate(1 + 4 + body.length);
      b.put((byte) 'E').putInt(4 + body.length).put(body);
      return b.array();
    }

    private static byte[] http(String status, String body) {
      byte[] b = body.getBytes(US_ASCII);
      String head =
          "HTTP/1.1 "
              + status
              + "\r\nContent-Type: application/json\r\nContent-Length: "
              + b.length
              + "\r\nConnection: close\r\n\r\n";
      return (head + body).getBytes(US_ASCII);
    }
  }

  /** How a type is pointed at a server: metadata and auth params for 127.0.0.1:port. */
  @FunctionalInterface
  interface ContextFactory {
    ScalerContext.Builder at(String type, int port, String secret);
  }

  /**
   * One type's entry.
   *
   * @param wire the protocol the type's client speaks
   * @param context builds the trigger for a port and a secret
   * @param systemProperties set while the scaler is built and polled (endpoint overrides)
   * @param exemptions scenarios that cannot be exercised for the type, with the reason
   * @param authServerPort a real server on loopback that rejects the table's credentials, used for
   *     the auth-failure scenario instead of a fake rejection; 0 when there is none
   * @param causes per scenario, a lower-case pattern the error must contain, for types whose client
   *     wraps every failure in a generic one (HikariCP's "request timed out" matches any cause)
   */
  record Entry(
      Wire wire,
      ContextFactory context,
      SystemProperties systemProperties,
      Map<Scenario, String> exemptions,
      int authServerPort,
      Map<Scenario, Pattern> causes) {

    Entry(
        Wire wire,
        ContextFactory context,
        SystemProperties systemProperties,
        Map<Scenario, String> exemptions) {
      this(wire, context, systemProperties, exemptions, 0, Map.of());
    }
  }

  /** The MariaDB every test run on this machine shares; it knows no user {@code k4j}. */
  static final int MARIADB_PORT = 3306;

  /** System properties a type needs for a port. */
  @FunctionalInterface
  interface SystemProperties {
    Map<String, String> at(int port);
  }

  private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

  static {
    for (String t : new String[] {"redis", "redis-cluster"}) {
      ENTRIES.put(t, resp((type, port, secret) -> redis(type, secret).metadata(listMeta(port))));
    }
    ENTRIES.put(
        "redis-sentinel",
        resp((type, port, secret) -> redis(type, secret).metadata(sentinel(listMeta(port)))));
    for (String t : new String[] {"redis-streams", "redis-cluster-streams"}) {
      ENTRIES.put(t, resp((type, port, secret) -> redis(type, secret).metadata(streamMeta(port))));
    }
    ENTRIES.put(
        "redis-sentinel-streams",
        resp((type, port, secret) -> redis(type, secret).metadata(sentinel(streamMeta(port)))));

    Map<Scenario, String> kafkaExempt = new EnumMap<>(Scenario.class);
    kafkaExempt.put(
        Scenario.AUTH_FAILURE,
        "no SASL-enabled broker runs here (KafkaFixture's in-JVM broker has a PLAINTEXT listener"
            + " only) and a SASL rejection cannot be faked without implementing the Kafka"
            + " protocol; SASL is still sent in the other three scenarios");
    for (String t : new String[] {"kafka", "apache-kafka"}) {
      ENTRIES.put(
          t,
          new Entry(
              Wire.KAFKA,
              (type, port, secret) ->
                  ScalerContext.builder(type)
                      .metadata(
                          Map.of(
                              "bootstrapServers", "127.0.0.1:" + port,
                              "consumerGroup", "k4j-group",
                              "topic", "k4j-topic",
                              "sasl", "plaintext"))
                      .authParams(Map.of("username", "k4j", "password", secret)),
              port -> Map.of(),
              kafkaExempt));
    }

    ENTRIES.put(
        "rabbitmq",
        http(
            (type, port, secret) ->
                ScalerContext.builder(type)
                    .metadata(
                        Map.of(
                            "protocol", "http",
                            "queueName", "k4j-queue",
                            "mode", "QueueLength",
                            "value", "5"))
                    .authParams(
                        Map.of("host", "http://k4j:" + secret + "@127.0.0.1:" + port + "/k4j")),
            port -> Map.of()));
    ENTRIES.put(
        "azure-queue",
        http(
            (type, port, secret) ->
                ScalerContext.builder(type)
                    .metadata(Map.of("queueName", "k4j-queue"))
                    .authParams(
                        Map.of(
                            "connection",
                            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey="
                                + secret
                                + ";QueueEndpoint=http://127.0.0.1:"
                                + port
                                + "/devstoreaccount1;")),
            port -> Map.of()));
    ENTRIES.put(
        "azure-servicebus",
        http(
            (type, port, secret) ->
                ScalerContext.builder(type)
                    .metadata(Map.of("queueName", "k4j-queue"))
                    .authParams(
                        Map.of(
                            "connection",
                            "Endpoint=sb://k4j.servicebus.windows.net/;SharedAccessKeyName="
                                + "RootManageSharedAccessKey;SharedAccessKey="
                                + secret)),
            // the admin client drops ports from its endpoint: the scaler's one override points it
            port ->
                Map.of("keda4j.azure.servicebus.managementEndpoint", "http://127.0.0.1:" + port)));

    ENTRIES.put(
        "prometheus",
        http(
            (type, port, secret) ->
                ScalerContext.builder(type)
                    .metadata(
                        Map.of(
                            "serverAddress", "http://127.0.0.1:" + port,
                            "query", "sum(k4j_queue_depth)",
                            "threshold", "5",
                            "authModes", "basic"))
                    .authParams(Map.of("username", "k4j", "password", secret)),
            port -> Map.of()));
    ENTRIES.put(
        "metrics-api",
        http(
            (type, port, secret) ->
                ScalerContext.builder(type)
                    .metadata(
                        Map.of(
                            "url", "http://127.0.0.1:" + port + "/api/queue",
                            "valueLocation", "components.0.tasks",
                            "targetValue", "5",
                            "authMode", "basic"))
                    .authParams(Map.of("username", "k4j", "password", secret)),
            port -> Map.of()));
    ENTRIES.put(
        "postgresql",
        new Entry(
            Wire.POSTGRES,
            (type, port, secret) ->
                ScalerContext.builder(type)
                    .metadata(Map.of("query", "SELECT 1", "targetQueryValue", "5"))
                    .authParams(
                        Map.of(
                            "host", "127.0.0.1",
                            "port", Integer.toString(port),
                            "userName", "k4j",
                            "dbName", "k4j",
                            // no SSLRequest first: the fake server answers the startup message
                            "sslmode", "disable",
                            "password", secret)),
            port -> Map.of(),
            Map.of(),
            0,
            causes(
                "connection to 127\\.0\\.0\\.1:\\d+ refused",
                "password authentication failed",
                "protocol error")));
    ENTRIES.put(
        "mysql",
        new Entry(
            Wire.MYSQL,
            (type, port, secret) ->
                ScalerContext.builder(type)
                    .metadata(
                        Map.of(
                            "query", "SELECT 1",
                            "queryValue", "5",
                            "username", "k4j",
                            "host", "127.0.0.1",
                            "port", Integer.toString(port),
                            "dbName", "k4j"))
                    .authParams(Map.of("password", secret)),
            port -> Map.of(),
            Map.of(),
            MARIADB_PORT,
            causes(
                "connection refused",
                "access denied for user 'k4j'",
                "unexpected initial handshake")));
  }

  private TriggerTable() {}

  static Optional<Entry> entry(String type) {
    return Optional.ofNullable(ENTRIES.get(type));
  }

  /** The message a registered type without an entry fails with. */
  static String missing(String type) {
    return "trigger type '"
        + type
        + "' is registered but has no entry in "
        + TriggerTable.class.getName()
        + ": add its minimal valid metadata there (and reasoned exemptions, if any)";
  }

  private static Map<Scenario, Pattern> causes(
      String unreachable, String authFailure, String malformed) {
    Map<Scenario, Pattern> m = new EnumMap<>(Scenario.class);
    m.put(Scenario.UNREACHABLE, Pattern.compile(unreachable));
    m.put(Scenario.AUTH_FAILURE, Pattern.compile(authFailure));
    m.put(Scenario.MALFORMED, Pattern.compile(malformed));
    return m;
  }

  private static Entry resp(ContextFactory f) {
    return new Entry(Wire.RESP, f, port -> Map.of(), Map.of());
  }

  private static Entry http(ContextFactory f, SystemProperties p) {
    return new Entry(Wire.HTTP, f, p, Map.of());
  }

  private static ScalerContext.Builder redis(String type, String secret) {
    return ScalerContext.builder(type)
        .authParams(Map.of("password", secret, "sentinelPassword", secret));
  }

  private static Map<String, String> listMeta(int port) {
    return Map.of("listName", "k4j-list", "address", "127.0.0.1:" + port);
  }

  private static Map<String, String> streamMeta(int port) {
    return Map.of(
        "stream", "k4j-stream", "consumerGroup", "k4j-group", "address", "127.0.0.1:" + port);
  }

  private static Map<String, String> sentinel(Map<String, String> m) {
    Map<String, String> out = new LinkedHashMap<>(m);
    out.put("sentinelMaster", "k4j-master");
    return out;
  }
}
