package dev.keda4j.conformance;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerRuntime;
import dev.keda4j.scalers.workload.KubernetesClientSlot;
import io.kubernetes.client.openapi.ApiClient;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
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
        false),
    // A Kubernetes API server: the 401 is the Status object kube-apiserver sends for a token it
    // does not accept; the garbage is a PodList cut off mid-document.
    KUBE(
        http(
            "401 Unauthorized",
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"Unauthorized\",\"reason\":\"Unauthorized\",\"code\":401}"),
        http("200 OK", "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"items\":[{\"k4j\u0001"),
        true),
    // gRPC (external scalers). No gRPC-level refusal can be written as fixed bytes (HPACK state,
    // stream ids), so `reject` is an HTTP/2 server that acknowledges the connection with an empty
    // SETTINGS frame and then answers no call: the client sends its call (and the trigger's
    // metadata) to it and fails on its deadline. The garbage is an HTTP/1.1 answer to the HTTP/2
    // preface. Auth failures are exempt in the table and tested in scalers-external (mTLS).
    GRPC(
        new byte[] {0, 0, 0, 4, 0, 0, 0, 0, 0},
        http("200 OK", "\u0000<<k4j: this is not an HTTP/2 server>>{"),
        false),
    // Types that talk to no server (Entry.offline): a fake server for them never answers.
    NONE(null, null, false);

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
   * @param runtime what the process registers on the scaler runtime before the type is built, for
   *     types that read a client from it rather than from their metadata
   * @param offline for a type that talks to no server and so is exempt from every scenario, the
   *     check that it behaves as its exemption says; null for the others
   */
  record Entry(
      Wire wire,
      ContextFactory context,
      SystemProperties systemProperties,
      Map<Scenario, String> exemptions,
      int authServerPort,
      Map<Scenario, Pattern> causes,
      RuntimeSetup runtime,
      Offline offline) {

    Entry(
        Wire wire,
        ContextFactory context,
        SystemProperties systemProperties,
        Map<Scenario, String> exemptions) {
      this(wire, context, systemProperties, exemptions, 0, Map.of());
    }

    Entry(
        Wire wire,
        ContextFactory context,
        SystemProperties systemProperties,
        Map<Scenario, String> exemptions,
        int authServerPort,
        Map<Scenario, Pattern> causes) {
      this(
          wire,
          context,
          systemProperties,
          exemptions,
          authServerPort,
          causes,
          (runtime, port, secret) -> {},
          null);
    }

    /** The runtime set-up for a port and a secret, as the harness takes it. */
    Consumer<ScalerRuntime> runtimeAt(int port, String secret) {
      return r -> runtime.at(r, port, secret);
    }
  }

  /** Registers on a fresh runtime what a type reads from it, pointed at 127.0.0.1:port. */
  @FunctionalInterface
  interface RuntimeSetup {
    void at(ScalerRuntime runtime, int port, String secret);
  }

  /** Asserts that a type with no server does what its exemptions say instead. */
  @FunctionalInterface
  interface Offline {
    void verify(String type, Entry entry, PollHarness harness);
  }

  /** How long an offline check waits for a poll that involves no I/O. */
  private static final Duration OFFLINE_BOUND = Duration.ofSeconds(5);

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

    // NATS monitoring has no auth of its own; the endpoint may come from a TriggerAuthentication
    // with a proxy's credentials in it, which the scaler redacts, so they carry the secret. The
    // 401 is such a proxy refusing them.
    ENTRIES.put(
        "nats-jetstream",
        http(
            (type, port, secret) ->
                ScalerContext.builder(type)
                    .metadata(
                        Map.of(
                            "account", "$G",
                            "stream", "k4j-stream",
                            "consumer", "k4j-consumer",
                            "lagThreshold", "5"))
                    .authParams(
                        Map.of(
                            "natsServerMonitoringEndpoint",
                            "k4j:" + secret + "@127.0.0.1:" + port)),
            port -> Map.of(),
            causes("connection refused", "returned 401", "unable to decode")));

    // external scalers take their credentials as trigger metadata forwarded to the server, here
    // from the container's env (`...FromEnv` keys carry the resolved value): the secret reaches
    // the server inside ScaledObjectRef.scalerMetadata.
    Map<Scenario, String> externalExempt = new EnumMap<>(Scenario.class);
    externalExempt.put(
        Scenario.AUTH_FAILURE,
        "an external scaler authenticates keda4j only by TLS client certificate; a refused"
            + " certificate needs a real TLS handshake, which ExternalScalerIT.mutualTls runs"
            + " against a gRPC server requiring mTLS (the build fails with UNAVAILABLE)");
    for (String t : new String[] {"external", "external-push"}) {
      ENTRIES.put(
          t,
          new Entry(
              Wire.GRPC,
              (type, port, secret) ->
                  ScalerContext.builder(type)
                      .metadata(
                          Map.of(
                              "scalerAddress", "127.0.0.1:" + port,
                              "queue", "k4j-queue",
                              "passwordFromEnv", "K4J_EXTERNAL_PASSWORD"))
                      .resolvedEnv(Map.of("K4J_EXTERNAL_PASSWORD", secret)),
              port -> Map.of(),
              externalExempt,
              0,
              // the first gRPC connection of a cold JVM can outlast the 1 s deadline on a loaded
              // machine: then the refusal surfaces as the call's DEADLINE_EXCEEDED
              Map.of(
                  Scenario.UNREACHABLE, Pattern.compile("refused|deadline_exceeded"),
                  Scenario.MALFORMED, Pattern.compile("unavailable|internal|protocol"))));
    }

    // The API client comes from the process (KubernetesClientSlot), not from the trigger: the
    // secret is its bearer token.
    ENTRIES.put(
        "kubernetes-workload",
        new Entry(
            Wire.KUBE,
            (type, port, secret) ->
                ScalerContext.builder(type)
                    .metadata(Map.of("podSelector", "app=k4j,tier in (worker)", "value", "5")),
            port -> Map.of(),
            Map.of(),
            0,
            // a body that is not JSON escapes the client as Gson's exception, not an ApiException
            causes("failed to connect", "failed with http 401", "malformedjson"),
            TriggerTable::kubernetesClient,
            null));

    ENTRIES.put(
        "cron",
        new Entry(
            Wire.NONE,
            (type, port, secret) ->
                cron(type, "Etc/UTC", Duration.ofHours(-1), Duration.ofHours(1)),
            port -> Map.of(),
            exemptAll(
                "cron reads no server: its value is desiredReplicas inside the window and 0"
                    + " outside, computed from the clock, so there is no endpoint to make"
                    + " unreachable, silent, refusing or garbled; its one poll-time failure, a"
                    + " timezone that does not load, is asserted to fail the poll instead"),
            0,
            Map.of(),
            (runtime, port, secret) -> {},
            TriggerTable::computedFromTheClock));

    for (String t : new String[] {"cpu", "memory"}) {
      ENTRIES.put(
          t,
          new Entry(
              Wire.NONE,
              (type, port, secret) ->
                  ScalerContext.builder(type)
                      .metadata(Map.of("value", "50"))
                      .metricType("Utilization"),
              port -> Map.of(),
              exemptAll(
                  "cpu and memory are HPA resource metrics that the metrics server serves;"
                      + " keda4j never polls a server for them, so there is no endpoint to"
                      + " fail; every poll is asserted to fail rather than return a value"),
              0,
              Map.of(),
              (runtime, port, secret) -> {},
              TriggerTable::neverPolls));
    }
  }

  /**
   * Types whose bound config's toString is known to show a secret, each with the defect and its
   * fix. CanaryIT keeps checking every other surface of these types (errors, logs, scaler and
   * context toStrings, metric specs) and asserts that the leak is still there, so an entry has to
   * be removed when its fix lands. Not a place for leaks that are not tracked by a fix.
   */
  private static final Map<String, String> KNOWN_CONFIG_LEAKS = Map.of();

  private TriggerTable() {}

  /** The tracked defect by which the type's bound config shows a secret, if any. */
  static Optional<String> knownConfigLeak(String type) {
    return Optional.ofNullable(KNOWN_CONFIG_LEAKS.get(type));
  }

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

  private static Map<Scenario, String> exemptAll(String reason) {
    Map<Scenario, String> m = new EnumMap<>(Scenario.class);
    for (Scenario s : Scenario.values()) {
      m.put(s, reason);
    }
    return m;
  }

  private static void kubernetesClient(ScalerRuntime runtime, int port, String secret) {
    ApiClient client = new ApiClient();
    client.setBasePath("http://127.0.0.1:" + port);
    client.setApiKeyPrefix("Bearer");
    client.setApiKey(secret);
    KubernetesClientSlot.register(runtime, client);
  }

  /** A cron trigger whose window runs from now+{@code from} to now+{@code to} (whole minutes). */
  private static ScalerContext.Builder cron(
      String type, String timezone, Duration from, Duration to) {
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    return ScalerContext.builder(type)
        .metadata(
            Map.of(
                "timezone",
                timezone,
                "start",
                minuteOf(now.plus(from)),
                "end",
                minuteOf(now.plus(to)),
                "desiredReplicas",
                "3"));
  }

  private static String minuteOf(ZonedDateTime t) {
    return t.getMinute() + " " + t.getHour() + " * * *";
  }

  private static PollHarness.Outcome pollOffline(PollHarness harness, ScalerContext.Builder b) {
    return harness.buildAndPoll(
        b.scalableObject("ScaledObject", "k4j", "offline")
            .globalHttpTimeout(PollHarness.TRIGGER_TIMEOUT)
            .build(),
        Map.of(),
        OFFLINE_BOUND);
  }

  /**
   * cron: inside a window around now the poll returns desiredReplicas and is active, in a window
   * later today it returns 0 and is inactive, and with a timezone that does not load it fails
   * rather than return 0.
   */
  private static void computedFromTheClock(String type, Entry entry, PollHarness harness) {
    PollHarness.Outcome inside = pollOffline(harness, entry.context().at(type, 0, ""));
    assertThat(inside.error()).as("%s inside its window", type).isNull();
    assertThat(inside.result().active()).as("%s inside its window is active", type).isTrue();
    assertThat(inside.result().values().get(0).value())
        .as("%s inside its window reports desiredReplicas", type)
        .isEqualTo(MetricValue.ofCount("v", 3).value());

    PollHarness.Outcome outside =
        pollOffline(harness, cron(type, "Etc/UTC", Duration.ofHours(1), Duration.ofHours(2)));
    assertThat(outside.error()).as("%s outside its window", type).isNull();
    assertThat(outside.result().active()).as("%s outside its window is inactive", type).isFalse();
    assertThat(outside.result().values().get(0).value())
        .as("%s outside its window reports 0", type)
        .isEqualTo(MetricValue.ofCount("v", 0).value());

    PollHarness.Outcome badZone =
        pollOffline(harness, cron(type, "K4j/Nowhere", Duration.ofHours(-1), Duration.ofHours(1)));
    assertThat(badZone.result())
        .as("%s with an unknown timezone must fail, not return", type)
        .isNull();
    assertThat(badZone.error()).as("%s with an unknown timezone", type).isNotNull();
    assertThat(PollHarness.describe(badZone.error()).toLowerCase(Locale.ROOT))
        .as("%s names the cause", type)
        .contains("timezone");
  }

  /** cpu, memory: the scaler builds, and its poll fails, naming the metric, not returning 0. */
  private static void neverPolls(String type, Entry entry, PollHarness harness) {
    PollHarness.Outcome o = pollOffline(harness, entry.context().at(type, 0, ""));
    assertThat(o.result()).as("%s poll must fail, not return a value", type).isNull();
    assertThat(o.error()).as("%s poll error", type).isNotNull();
    assertThat(o.callerTimedOut()).as("%s fails at once, without I/O", type).isFalse();
    assertThat(PollHarness.describe(o.error()))
        .as("%s: the poll failed, not the build", type)
        .contains("has no external value to poll")
        .contains(type);
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

  private static Entry http(ContextFactory f, SystemProperties p, Map<Scenario, Pattern> causes) {
    return new Entry(Wire.HTTP, f, p, Map.of(), 0, causes);
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
