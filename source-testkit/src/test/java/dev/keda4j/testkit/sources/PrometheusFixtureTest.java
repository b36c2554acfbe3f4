package dev.keda4j.testkit.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PrometheusFixtureTest {
  @RegisterExtension static final PrometheusFixture PROM = new PrometheusFixture();

  @Test
  void scrapedGaugeCanBeQueriedAndFollowsChanges() {
    String metric = PROM.uniqueMetric();
    PROM.setGauge(metric + "{queue=\"a\"}", 7);
    PROM.setGauge(metric + "{queue=\"b\"}", 5);
    assertThat(PROM.awaitSample("sum(" + metric + ")", Duration.ofSeconds(30))).isEqualTo(12.0);
    assertThat(PROM.query(metric + "{queue=\"a\"}")).hasValue(7.0);

    PROM.setGauge(metric + "{queue=\"a\"}", 1);
    PROM.awaitValue("sum(" + metric + ")", 6.0, Duration.ofSeconds(15));
    assertThat(PROM.query("absent(k4j_never_set_metric)")).hasValue(1.0);
  }
}
