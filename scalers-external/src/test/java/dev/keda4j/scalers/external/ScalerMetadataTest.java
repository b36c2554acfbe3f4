package dev.keda4j.scalers.external;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.scalers.spi.ScalerContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScalerMetadataTest {

  @Test
  void everyEntryIsForwardedAndFromEnvKeysCarryTheResolvedValue() {
    ScalerContext ctx =
        ScalerContext.builder("external")
            .metadata(
                Map.of(
                    "scalerAddress", "svc:6000",
                    "queue", "orders",
                    "passwordFromEnv", "PW",
                    "hostFromEnv", "MISSING",
                    "emptyFromEnv", "EMPTY"))
            .resolvedEnv(Map.of("PW", "s3cret", "EMPTY", ""))
            .build();
    assertThat(ScalerMetadata.forward(ctx))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("scalerAddress", "svc:6000", "queue", "orders", "passwordFromEnv", "s3cret"));
  }

  @Test
  void refCarriesTheObjectsNameAndNamespace() {
    ScalerContext ctx =
        ScalerContext.builder("external")
            .scalableObject("ScaledJob", "team-a", "worker")
            .metadata(Map.of("scalerAddress", "svc:6000"))
            .build();
    var ref = ExternalScaler.ref(ctx);
    assertThat(ref.getName()).isEqualTo("worker");
    assertThat(ref.getNamespace()).isEqualTo("team-a");
    assertThat(ref.getScalerMetadataMap()).containsEntry("scalerAddress", "svc:6000");
  }
}
