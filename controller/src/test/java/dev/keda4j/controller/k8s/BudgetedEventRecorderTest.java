package dev.keda4j.controller.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.testkit.time.MutableClock;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetedEventRecorderTest {
  private final List<String> recorded = new ArrayList<>();
  private final List<String> logged = new ArrayList<>();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final EventRecorder sink =
      (object, type, reason, message) -> recorded.add(type + " " + reason);
  private final KubernetesObject so =
      new V1ConfigMap().metadata(new V1ObjectMeta().namespace("ns").name("web"));

  private BudgetedEventRecorder recorder(NormalEventBudget budget) {
    return new BudgetedEventRecorder(sink, budget, clock, registry, logged::add);
  }

  @Test
  void normalEventsBeyondTheBurstAreDroppedCountedAndWarningsAlwaysGoOut() {
    BudgetedEventRecorder r = recorder(new NormalEventBudget(2, 1));
    for (int i = 0; i < 5; i++) {
      r.normal(so, "N" + i, "m");
      r.warning(so, "W" + i, "m");
    }
    assertThat(recorded)
        .containsExactly(
            "Normal N0",
            "Warning W0",
            "Normal N1",
            "Warning W1",
            "Warning W2",
            "Warning W3",
            "Warning W4");
    assertThat(r.dropped()).isEqualTo(3);
    assertThat(
            registry
                .get(BudgetedEventRecorder.DROPPED_METRIC)
                .tag("type", "Normal")
                .counter()
                .count())
        .isEqualTo(3.0);
    clock.advance(Duration.ofSeconds(1));
    r.normal(so, "N5", "m");
    assertThat(recorded).endsWith("Normal N5");
  }

  @Test
  void dropsAreSummedUpInAtMostOneLogLineAMinute() {
    BudgetedEventRecorder r = recorder(new NormalEventBudget(1, 0));
    r.normal(so, "Ok", "m");
    r.normal(so, "First", "m");
    // the first drop is told at once
    assertThat(logged).hasSize(1);
    assertThat(logged.get(0))
        .startsWith("1 Normal events not recorded: event budget")
        .contains("ns/web First");
    for (int i = 0; i < 100; i++) {
      clock.advance(Duration.ofMillis(500));
      r.normal(so, "Later", "m");
    }
    // 50 s later: still one line
    assertThat(logged).hasSize(1);
    clock.advance(Duration.ofSeconds(10));
    r.warning(so, "W", "m");
    assertThat(logged).hasSize(1);
    r.normal(so, "Later", "m");
    assertThat(logged).hasSize(2);
    assertThat(logged.get(1)).startsWith("101 Normal events not recorded: event budget");
    assertThat(r.dropped()).isEqualTo(102);
  }

  @Test
  void offRecordsEveryNormalEvent() {
    BudgetedEventRecorder r = recorder(NormalEventBudget.OFF);
    for (int i = 0; i < 1000; i++) {
      r.normal(so, "N", "m");
    }
    assertThat(recorded).hasSize(1000);
    assertThat(r.dropped()).isZero();
    assertThat(logged).isEmpty();
  }

  @Test
  void theDefaultIsABurstOf25ThenOneASecond() {
    BudgetedEventRecorder r = recorder(NormalEventBudget.DEFAULT);
    for (int i = 0; i < 30; i++) {
      r.normal(so, "N", "m");
    }
    assertThat(recorded).hasSize(25);
    for (int s = 0; s < 10; s++) {
      clock.advance(Duration.ofSeconds(1));
      r.normal(so, "N", "m");
      r.normal(so, "N", "m");
    }
    assertThat(recorded).hasSize(35);
  }

  @Test
  void theDroppedCounterIsScrapedAsKeda4jEventsDroppedTotal() {
    io.micrometer.prometheusmetrics.PrometheusMeterRegistry prometheus =
        new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
            io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
    BudgetedEventRecorder r =
        new BudgetedEventRecorder(
            sink, new NormalEventBudget(1, 0), clock, prometheus, logged::add);
    r.normal(so, "A", "m");
    r.normal(so, "B", "m");
    r.normal(so, "C", "m");
    assertThat(prometheus.scrape()).contains("keda4j_events_dropped_total{type=\"Normal\"} 2.0");
  }
}
