package dev.keda4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.controller.scaling.offline.KedaTriggerTypes;
import dev.keda4j.scalers.spi.ScalerRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Holds what the runnable jar can scale on against the trigger types KEDA documents: the app is the
 * one module that sees every scaler module, so this is where a provider missing from
 * META-INF/services or a misspelt type shows.
 */
class RegisteredScalersTest {

  /** The trigger types this build serves; extend it as scalers land. */
  static final List<String> SERVED =
      List.of(
          "apache-kafka",
          "azure-queue",
          "azure-servicebus",
          "cpu",
          "cron",
          "external",
          "external-push",
          "kafka",
          "kubernetes-workload",
          "memory",
          "metrics-api",
          "mysql",
          "nats-jetstream",
          "postgresql",
          "prometheus",
          "rabbitmq",
          "redis",
          "redis-cluster",
          "redis-cluster-streams",
          "redis-sentinel",
          "redis-sentinel-streams",
          "redis-streams");

  @Test
  void theJarServesExactlyTheListedTriggerTypes() {
    assertThat(ScalerRegistry.load().triggerTypes()).containsExactlyElementsOf(SERVED);
  }

  @Test
  void everyServedTypeIsOneKedaHas() {
    assertThat(SERVED).allSatisfy(type -> assertThat(KedaTriggerTypes.isKedaType(type)).isTrue());
  }

  @Test
  void theScalersCommandPrintsTheSameList() {
    CliTest.Result result = CliTest.run("scalers");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out().lines().toList()).containsExactlyElementsOf(SERVED);
  }
}
