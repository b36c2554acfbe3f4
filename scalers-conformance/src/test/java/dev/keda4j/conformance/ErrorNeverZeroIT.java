package dev.keda4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.keda4j.conformance.TriggerTable.Entry;
import dev.keda4j.conformance.TriggerTable.Scenario;
import dev.keda4j.scalers.spi.ScalerRegistry;
import dev.keda4j.testkit.sources.Sources;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An error is never a zero: every registered trigger type, polled against a closed port, a server
 * that never answers, a server that rejects its credentials and a server answering garbage, fails
 * the poll with an error naming the type or the cause, within a bound.
 */
class ErrorNeverZeroIT {
  /** What a caller such as the poll scheduler would allow a poll before holding replicas. */
  private static final Duration CALLER_TIMEOUT = Duration.ofSeconds(3);

  /** Failures other than timeouts must come from the scaler itself, well before this. */
  private static final Duration FAILURE_BOUND = Duration.ofSeconds(20);

  /**
   * Words that name a failure's cause. {@code valuelocation}: metrics-api, like KEDA's GJSON, does
   * not validate a JSON body, so garbage surfaces as "valueLocation must point to value of type
   * number ... got: 'Null'".
   */
  private static final Pattern CAUSE =
      Pattern.compile(
          "refused|connect|unreachable|closed|reset|timed out|timeout|auth|pass|denied|401|403"
              + "|unauthori|forbidden|sasl|credential|parse|malformed|unexpected|invalid|json"
              + "|protocol|decode|unknown|format|xml|response|status|valuelocation");

  private static final String SECRET = "k4jConformanceSecret0000000=";

  private static PollHarness harness;

  @BeforeAll
  static void start() {
    harness = new PollHarness();
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  static Stream<Arguments> cases() {
    ScalerRegistry registry = ScalerRegistry.load();
    assertThat(registry.triggerTypes()).as("registered trigger types").isNotEmpty();
    return registry.triggerTypes().stream()
        .flatMap(t -> Stream.of(Scenario.values()).map(s -> Arguments.of(t, s)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void aFailedPollIsAnErrorNeverAZero(String type, Scenario scenario) throws IOException {
    Entry entry = TriggerTable.entry(type).orElse(null);
    if (entry == null) {
      fail(TriggerTable.missing(type));
      return;
    }
    String exemption = entry.exemptions().get(scenario);
    if (exemption != null) {
      assertThat(exemption)
          .as("%s is exempt from %s: the table must say why", type, scenario)
          .hasSizeGreaterThan(40);
      if (entry.exemptions().size() == Scenario.values().length) {
        assertThat(entry.offline())
            .as(
                "%s is exempt from every scenario: its entry must say what it does instead"
                    + " (Entry.offline), checked by offlineTypesDoWhatTheirExemptionsSay",
                type)
            .isNotNull();
      }
      return;
    }
    try (Endpoint endpoint = Endpoint.of(scenario, entry)) {
      var ctx =
          entry
              .context()
              .at(type, endpoint.port(), SECRET)
              .scalableObject("ScaledObject", "k4j", "conformance-" + scenario)
              .globalHttpTimeout(PollHarness.TRIGGER_TIMEOUT)
              .build();
      Duration bound = scenario == Scenario.TIMEOUT ? CALLER_TIMEOUT : FAILURE_BOUND;
      long start = System.nanoTime();
      PollHarness.Outcome o =
          harness.buildAndPoll(
              ctx,
              entry.systemProperties().at(endpoint.port()),
              entry.runtimeAt(endpoint.port(), SECRET),
              bound);
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(o.result())
          .as("%s against %s must fail, not return a value", type, scenario)
          .isNull();
      assertThat(o.error()).as("%s %s error", type, scenario).isNotNull();
      assertThat(took)
          .as("%s %s completes within its bound", type, scenario)
          .isLessThan(bound.plusSeconds(2));
      if (scenario == Scenario.TIMEOUT) {
        return;
      }
      String text = PollHarness.describe(o.error());
      assertThat(o.callerTimedOut())
          .as(
              "%s %s: the scaler itself must fail, not hang until the caller gives up",
              type, scenario)
          .isFalse();
      assertThat(
              text.toLowerCase(Locale.ROOT).contains(type)
                  || CAUSE.matcher(text.toLowerCase(Locale.ROOT)).find())
          .as("%s %s error names the type or the cause:%n%s", type, scenario, text)
          .isTrue();
      Pattern cause = entry.causes().get(scenario);
      if (cause != null) {
        assertThat(cause.matcher(text.toLowerCase(Locale.ROOT)).find())
            .as("%s %s error names the cause %s:%n%s", type, scenario, cause, text)
            .isTrue();
      }
    }
  }

  static Stream<String> offlineTypes() {
    return ScalerRegistry.load().triggerTypes().stream()
        .filter(t -> TriggerTable.entry(t).map(e -> e.offline() != null).orElse(false));
  }

  /**
   * A type exempt from every scenario because it talks to no server is held to what its exemption
   * says instead: cron computes from the clock, cpu and memory fail every poll.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("offlineTypes")
  void offlineTypesDoWhatTheirExemptionsSay(String type) {
    Entry entry = TriggerTable.entry(type).orElseThrow();
    assertThat(entry.exemptions().keySet())
        .as("%s talks to no server, so it is exempt from every scenario", type)
        .containsExactlyInAnyOrder(Scenario.values());
    entry.offline().verify(type, entry, harness);
  }

  /** Where a scenario points the trigger. */
  private record Endpoint(int port, FakeServer server) implements AutoCloseable {
    static Endpoint of(Scenario s, Entry entry) throws IOException {
      TriggerTable.Wire wire = entry.wire();
      return switch (s) {
        case UNREACHABLE -> new Endpoint(Sources.freePort(), null);
        case TIMEOUT -> serve(FakeServer.silent());
        case AUTH_FAILURE ->
            entry.authServerPort() > 0
                ? new Endpoint(entry.authServerPort(), null)
                : serve(FakeServer.replying(wire, wire.reject));
        case MALFORMED -> serve(FakeServer.replying(wire, wire.garbage));
      };
    }

    private static Endpoint serve(FakeServer f) {
      return new Endpoint(f.port(), f);
    }

    @Override
    public void close() throws IOException {
      if (server != null) {
        server.close();
      }
    }
  }
}
