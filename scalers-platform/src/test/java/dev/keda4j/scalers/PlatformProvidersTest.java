package dev.keda4j.scalers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.scalers.spi.ScalerRegistry;
import org.junit.jupiter.api.Test;

/** The module's providers are found through ServiceLoader with every trigger type. */
class PlatformProvidersTest {
  @Test
  void triggerTypesAreRegistered() {
    assertThat(ScalerRegistry.load().triggerTypes())
        .contains("cron", "cpu", "memory", "kubernetes-workload");
  }
}
