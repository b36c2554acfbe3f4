package dev.keda4j.controller.metrics;

import java.util.Map;

/**
 * The {@code scaler} label of KEDA's per-trigger metrics: the trigger's {@code name} when set, else
 * the Go type name of KEDA's scaler ({@code fmt.Sprintf("%T", scaler)} without the package), e.g.
 * {@code redisScaler} for {@code redis}, {@code redis-cluster} and {@code redis-sentinel}.
 */
public final class ScalerNames {

  private static final Map<String, String> GO_TYPES =
      Map.ofEntries(
          Map.entry("apache-kafka", "apacheKafkaScaler"),
          Map.entry("azure-queue", "azureQueueScaler"),
          Map.entry("azure-servicebus", "azureServiceBusScaler"),
          Map.entry("cpu", "cpuMemoryScaler"),
          Map.entry("memory", "cpuMemoryScaler"),
          Map.entry("cron", "cronScaler"),
          Map.entry("external", "externalScaler"),
          Map.entry("external-push", "externalPushScaler"),
          Map.entry("kafka", "kafkaScaler"),
          Map.entry("kubernetes-workload", "kubernetesWorkloadScaler"),
          Map.entry("metrics-api", "metricsAPIScaler"),
          Map.entry("mysql", "mySQLScaler"),
          Map.entry("nats-jetstream", "natsJetStreamScaler"),
          Map.entry("postgresql", "postgreSQLScaler"),
          Map.entry("prometheus", "prometheusScaler"),
          Map.entry("rabbitmq", "rabbitMQScaler"),
          Map.entry("redis", "redisScaler"),
          Map.entry("redis-cluster", "redisScaler"),
          Map.entry("redis-sentinel", "redisScaler"),
          Map.entry("redis-streams", "redisStreamsScaler"),
          Map.entry("redis-cluster-streams", "redisStreamsScaler"),
          Map.entry("redis-sentinel-streams", "redisStreamsScaler"));

  private ScalerNames() {}

  /** KEDA's Go scaler type name for a trigger type; null when this build does not know it. */
  public static String goTypeName(String triggerType) {
    return GO_TYPES.get(triggerType);
  }

  /** The trigger types with a known Go name. */
  public static java.util.Set<String> knownTriggerTypes() {
    return GO_TYPES.keySet();
  }

  /**
   * The {@code scaler} label: the trigger name if set, else the Go type name, else (a type this
   * table lacks) the trigger type itself followed by {@code Scaler}.
   */
  public static String label(String triggerType, String triggerName) {
    if (triggerName != null && !triggerName.isBlank()) {
      return triggerName;
    }
    String known = GO_TYPES.get(triggerType);
    return known != null ? known : triggerType + "Scaler";
  }
}
