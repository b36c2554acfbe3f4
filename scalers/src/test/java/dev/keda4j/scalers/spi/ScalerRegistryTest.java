package dev.keda4j.scalers.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Holds the registered trigger types against the documented list (shared/spec/scalers.md). */
class ScalerRegistryTest {

  /** Extend this table as scalers land; it must equal what ServiceLoader finds. */
  static final List<String> DOCUMENTED_TRIGGER_TYPES =
      List.of(
          "redis",
          "redis-cluster",
          "redis-cluster-streams",
          "redis-sentinel",
          "redis-sentinel-streams",
          "redis-streams");

  @Test
  void registeredTypesAreTheDocumentedOnes() {
    assertThat(ScalerRegistry.load().triggerTypes())
        .containsExactlyInAnyOrderElementsOf(DOCUMENTED_TRIGGER_TYPES);
  }

  @Test
  void unknownTypeIsAConfigError() {
    ScalerContext ctx = ScalerContext.builder("nope").build();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ScalerRegistry.load().build(ctx, null))
        .hasMessageContaining("no scaler found for type: nope");
  }
}
