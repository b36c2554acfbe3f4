package dev.keda4j.scalers.azure.queue;

import dev.keda4j.scalers.azure.common.AzureCloud;
import dev.keda4j.scalers.config.ConfigError;
import dev.keda4j.scalers.config.ConfigStrings;
import dev.keda4j.scalers.config.Param;
import dev.keda4j.scalers.config.Source;
import dev.keda4j.scalers.config.ValidatedConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code azure-queue} (scalers.md §3.5).
 *
 * @param queueName the queue
 * @param queueLength target per replica
 * @param activationQueueLength activation threshold
 * @param connection the storage connection string (a secret)
 * @param accountName the storage account for workload identity
 * @param cloud the Azure cloud for workload identity
 * @param endpointSuffix the queue endpoint suffix for {@code cloud: Private}
 * @param queueLengthStrategy {@code all} (approximate count) or {@code visibleonly} (peek)
 */
public record AzureQueueConfig(
    @Param(name = "queueName") String queueName,
    @Param(name = "queueLength", defaultValue = "5") long queueLength,
    @Param(name = "activationQueueLength", defaultValue = "0") long activationQueueLength,
    @Param(
            name = "connection",
            order = {Source.AUTH_PARAMS, Source.TRIGGER_METADATA, Source.RESOLVED_ENV},
            optional = true,
            sensitive = true)
        String connection,
    @Param(name = "accountName", optional = true) String accountName,
    @Param(name = "cloud", optional = true) String cloud,
    @Param(name = "endpointSuffix", optional = true) String endpointSuffix,
    @Param(
            name = "queueLengthStrategy",
            defaultValue = "all",
            enumValues = {"all", "visibleonly"})
        String queueLengthStrategy)
    implements ValidatedConfig {

  /** True for {@code visibleonly}: count visible messages by peeking. */
  public boolean visibleOnly() {
    return "visibleonly".equals(queueLengthStrategy);
  }

  /** The metric base name, {@code azure-queue-<queueName>}. */
  public String metricBase() {
    return "azure-queue-" + queueName;
  }

  @Override
  public List<ConfigError> validate() {
    List<ConfigError> errors = new ArrayList<>();
    String suffix = null;
    try {
      suffix = AzureCloud.queueSuffix(cloud, endpointSuffix);
    } catch (IllegalArgumentException e) {
      errors.add(new ConfigError("cloud", e.getMessage()));
    }
    if (connection.isEmpty()) {
      errors.add(connectionError(suffix));
    }
    return errors;
  }

  /**
   * Without a connection KEDA needs a pod identity; keda4j does not pass one to scalers yet, so an
   * {@code accountName} (the workload-identity setting) gets an explicit "not supported" error.
   */
  private ConfigError connectionError(String suffix) {
    if (accountName.isEmpty()) {
      return new ConfigError("connection", "no connection setting given");
    }
    String url = "https://" + accountName + "." + (suffix == null ? "<cloud>" : suffix);
    return new ConfigError(
        "accountName",
        "accountName "
            + url
            + " needs pod identity (azure-workload), which is not supported by keda4j yet:"
            + " set connection (TriggerAuthentication or metadata) or connectionFromEnv");
  }

  @Override
  public String toString() {
    return ConfigStrings.describe(this);
  }
}
