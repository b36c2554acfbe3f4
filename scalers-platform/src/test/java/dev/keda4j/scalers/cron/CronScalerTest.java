package dev.keda4j.scalers.cron;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.Quantity;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Polls on a fixed clock: desiredReplicas and active inside, 0 and inactive outside. */
class CronScalerTest {
  private static final String METRIC = "s0-cron-Europe-Berlin-09xxx-017xxx";

  private static CronScaler scaler(String tz, String now) {
    return new CronScaler(
        ScalerContext.builder("cron").build(),
        new CronConfig(tz, "0 9 * * *", "0 17 * * *", 7),
        MetricTargetType.AVERAGE_VALUE,
        Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
  }

  static Stream<Arguments> polls() {
    return Stream.of(
        Arguments.of("inside: desiredReplicas, active", "2026-01-05T10:00:00Z", 7, true),
        Arguments.of("outside: 0, inactive", "2026-01-05T18:00:00Z", 0, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("polls")
  void poll(String name, String now, long value, boolean active) {
    ScalerResult result = scaler("Europe/Berlin", now).poll(METRIC).toCompletableFuture().join();

    assertThat(result.active()).isEqualTo(active);
    assertThat(result.values()).containsExactly(new MetricValue(METRIC, Quantity.of(value)));
  }

  @Test
  void badTimezoneFailsThePollInsteadOfReportingZero() {
    var poll = scaler("Europe/Atlantis", "2026-01-05T10:00:00Z").poll(METRIC).toCompletableFuture();

    assertThat(poll).isCompletedExceptionally();
    assertThat(poll.handle((r, e) -> e).join())
        .isInstanceOf(CronScalerException.class)
        .hasMessage("unable to load timezone: unknown time zone Europe/Atlantis");
  }

  @Test
  void metricNameUsesTheTrigger() {
    assertThat(scaler("Europe/Berlin", "2026-01-05T10:00:00Z").metricSpecs())
        .singleElement()
        .satisfies(s -> assertThat(s.metricName()).isEqualTo(METRIC));
  }
}
