package dev.keda4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.keda4j.conformance.TriggerTable.Entry;
import dev.keda4j.scalers.config.Bound;
import dev.keda4j.scalers.config.ConfigException;
import dev.keda4j.scalers.config.Source;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerProvider;
import dev.keda4j.scalers.spi.ScalerRegistry;
import dev.keda4j.testkit.sources.RedisFixture;
import dev.keda4j.testkit.sources.Sources;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * No secret leaks: every parameter marked sensitive carries a unique canary while the scaler is
 * bound with good and bad parameters, built, and polled against a closed port, a rejecting server,
 * a garbage-answering server and (for Redis) the real server; the canary must appear in no log
 * event, exception message or cause, config or context toString, metric spec or value.
 */
class CanaryIT {
  private static final Duration BOUND = Duration.ofSeconds(10);
  private static final String ALPHANUM =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private static final RedisFixture REDIS = new RedisFixture();
  private static PollHarness harness;

  private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();
  private static Level rootLevel;
  private static Level kafkaLevel;

  /** This type's config toStrings that show the canary through a tracked defect. */
  private final List<String> knownLeaks = new ArrayList<>();

  @BeforeAll
  static void start() {
    harness = new PollHarness();
    LoggerContext lc = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = lc.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    rootLevel = root.getLevel();
    kafkaLevel = lc.getLogger("org.apache.kafka").getLevel();
    // debug everywhere, and Kafka's config dump at INFO, so that a leak at any level is seen
    root.setLevel(Level.DEBUG);
    lc.getLogger("org.apache.kafka").setLevel(Level.INFO);
    LOGS.setContext(lc);
    LOGS.start();
    root.addAppender(LOGS);
  }

  @AfterAll
  static void stop() {
    LoggerContext lc = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = lc.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAppender(LOGS);
    root.setLevel(rootLevel);
    lc.getLogger("org.apache.kafka").setLevel(kafkaLevel);
    harness.close();
    REDIS.close();
  }

  static Stream<String> triggerTypes() {
    return ScalerRegistry.load().triggerTypes().stream();
  }

  /** Alphanumeric and a multiple of 4 long, so it is also a valid base64 account key. */
  private static String canary() {
    StringBuilder b = new StringBuilder("K4jCanary");
    while (b.length() < 28) {
      b.append(ALPHANUM.charAt(RANDOM.nextInt(ALPHANUM.length())));
    }
    return b.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("triggerTypes")
  void noSensitiveValueLeaks(String type) throws IOException {
    Entry entry = TriggerTable.entry(type).orElse(null);
    if (entry == null) {
      fail(TriggerTable.missing(type));
      return;
    }
    ScalerProvider<?> provider = harness.registry().provider(type).orElseThrow();
    List<ConfigParams.Info> sensitive =
        ConfigParams.of(provider.configType()).stream().filter(p -> p.param().sensitive()).toList();
    String canary = canary();
    List<String> seen = new ArrayList<>();
    knownLeaks.clear();
    int logsBefore;
    synchronized (LOGS) {
      logsBefore = LOGS.list.size();
    }

    // the table's trigger with the canary as its password/key/connection secret (or, for a
    // type that reads its client from the runtime, as that client's credential)
    int closed = Sources.freePort();
    boolean delivered = run(entry, entry.context().at(type, closed, canary), closed, seen, canary);
    try (FakeServer reject = FakeServer.replying(entry.wire(), rejectOrGarbage(entry));
        FakeServer garbage = FakeServer.replying(entry.wire(), entry.wire().garbage)) {
      run(entry, entry.context().at(type, reject.port(), canary), reject.port(), seen, canary);
      run(entry, entry.context().at(type, garbage.port(), canary), garbage.port(), seen, canary);
      delivered = delivered || reject.received().contains(canary);
    }
    if (entry.offline() != null) {
      // no server, no client: nothing of the trigger's is secret, and nothing can carry a canary
      assertThat(sensitive).as("%s talks to no server and so takes no secret", type).isEmpty();
    } else {
      assertThat(delivered)
          .as(
              "%s: the canary reached the bound config or the server, so its absence below"
                  + " means something",
              type)
          .isTrue();
    }
    // the canary as the password a real server refuses
    int authPort = entry.authServerPort();
    if (authPort > 0) {
      run(entry, entry.context().at(type, authPort, canary), authPort, seen, canary);
    }

    // every sensitive parameter set to the bare canary, from its first source
    ScalerContext.Builder bare = entry.context().at(type, closed, canary);
    ScalerContext base = bare.build();
    Map<String, String> meta = new HashMap<>(base.metadata());
    Map<String, String> auth = new HashMap<>(base.authParams());
    Map<String, String> env = new HashMap<>(base.resolvedEnv());
    for (ConfigParams.Info p : sensitive) {
      String name = p.names().get(0);
      Source first = p.order().get(0);
      if (first == Source.TRIGGER_METADATA) {
        meta.put(name, canary);
      } else if (first == Source.AUTH_PARAMS) {
        auth.put(name, canary);
      } else {
        String envName = "K4J_" + name.toUpperCase(Locale.ROOT);
        meta.put(name + "FromEnv", envName);
        env.put(envName, canary);
      }
    }
    ScalerContext.Builder allCanaries =
        entry.context().at(type, closed, canary).metadata(meta).authParams(auth).resolvedEnv(env);
    run(entry, allCanaries, closed, seen, canary);

    // bad parameters: every non-sensitive metadata parameter gets an unusable value
    Map<String, String> bad = new HashMap<>(meta);
    ConfigParams.of(provider.configType()).stream()
        .filter(p -> !p.param().sensitive())
        .filter(p -> p.order().contains(Source.TRIGGER_METADATA))
        .forEach(p -> bad.put(p.names().get(0), "k4j not valid ]["));
    run(
        entry,
        entry.context().at(type, closed, canary).metadata(bad).authParams(auth),
        closed,
        seen,
        canary);

    // success-looking: a real server where one runs here and the type can reach it without a
    // password (the sentinel secrets are ignored by non-sentinel types)
    if (type.equals("redis") || type.equals("redis-streams")) {
      REDIS.start();
      String key = REDIS.key();
      REDIS.call("RPUSH", key, "a", "b");
      Map<String, String> m = new HashMap<>();
      m.put("address", REDIS.address());
      m.put(type.equals("redis") ? "listName" : "stream", key);
      ScalerContext.Builder ok =
          ScalerContext.builder(type)
              .metadata(m)
              .authParams(Map.of("sentinelPassword", canary, "sentinelUsername", "k4j"));
      PollHarness.Outcome o = harness.buildAndPoll(withTimeout(ok), Map.of(), BOUND);
      seen.addAll(o.texts());
      if (type.equals("redis")) {
        assertThat(o.error()).as("redis poll on the real server").isNull();
      }
      seen.add(PollHarness.describe(o.error()));
    }

    List<String> logs = new ArrayList<>();
    synchronized (LOGS) {
      for (ILoggingEvent e : LOGS.list.subList(logsBefore, LOGS.list.size())) {
        logs.add(e.getFormattedMessage());
        logs.add(String.valueOf(e.getMDCPropertyMap()));
        if (e.getThrowableProxy() != null) {
          logs.add(ThrowableProxyUtil.asString(e.getThrowableProxy()));
        }
      }
    }
    assertThat(seen).as("%s produced outcomes to inspect", type).hasSizeGreaterThan(5);
    assertThat(seen)
        .as("%s: errors, toStrings, metric names", type)
        .noneMatch(s -> s.contains(canary));
    assertThat(logs).as("%s: log events", type).noneMatch(s -> s.contains(canary));
    Optional<String> known = TriggerTable.knownConfigLeak(type);
    if (known.isPresent()) {
      assertThat(knownLeaks)
          .as(
              "%s: the tracked config leak (%s) is gone; remove it from"
                  + " TriggerTable.KNOWN_CONFIG_LEAKS",
              type, known.get())
          .anyMatch(s -> s.contains(canary));
    }
  }

  private static byte[] rejectOrGarbage(Entry e) {
    return e.wire().reject != null ? e.wire().reject : e.wire().garbage;
  }

  private static ScalerContext withTimeout(ScalerContext.Builder b) {
    return b.scalableObject("ScaledObject", "k4j", "canary")
        .globalHttpTimeout(PollHarness.TRIGGER_TIMEOUT)
        .build();
  }

  /** Binds, builds and polls; true when the bound config holds {@code canary}. */
  private boolean run(
      Entry entry, ScalerContext.Builder b, int port, List<String> seen, String canary) {
    boolean delivered = false;
    ScalerContext ctx = withTimeout(b);
    ScalerProvider<?> provider = harness.registry().provider(ctx.triggerType()).orElseThrow();
    try {
      Bound<?> bound = provider.bind(ctx);
      delivered = holds(bound.config(), canary);
      boolean tracked = TriggerTable.knownConfigLeak(ctx.triggerType()).isPresent();
      (tracked && delivered ? knownLeaks : seen).add(bound.config().toString());
      bound.warnings().forEach(w -> seen.add(String.valueOf(w)));
    } catch (ConfigException e) {
      seen.add(PollHarness.describe(e));
      e.errors().forEach(err -> seen.add(String.valueOf(err)));
    }
    PollHarness.Outcome o =
        harness.buildAndPoll(
            ctx, entry.systemProperties().at(port), entry.runtimeAt(port, canary), BOUND);
    seen.addAll(o.texts());
    if (o.error() != null) {
      seen.add(PollHarness.describe(o.error()));
    }
    return delivered;
  }

  private static boolean holds(Object value, String canary) {
    if (value instanceof Record r) {
      for (var c : r.getClass().getRecordComponents()) {
        try {
          c.getAccessor().setAccessible(true);
          if (holds(c.getAccessor().invoke(r), canary)) {
            return true;
          }
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      return false;
    }
    return value instanceof String s && s.contains(canary);
  }
}
