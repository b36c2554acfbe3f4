package dev.keda4j.scalers.azure.servicebus;

import dev.keda4j.scalers.azure.common.AzureCloud;
import dev.keda4j.scalers.config.ConfigError;
import dev.keda4j.scalers.config.ConfigStrings;
import dev.keda4j.scalers.config.Param;
import dev.keda4j.scalers.config.Source;
import dev.keda4j.scalers.config.ValidatedConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code azure-servicebus} (scalers.md §3.4).
 *
 * @param queueName the queue (a regex when {@code useRegex})
 * @param topicName the topic, with {@code subscriptionName}
 * @param subscriptionName the subscription (a regex when {@code useRegex})
 * @param messageCount target per replica
 * @param activationMessageCount activation threshold
 * @param connection the namespace connection string (a secret; never from plain metadata)
 * @param namespace the namespace for workload identity
 * @param cloud the Azure cloud for workload identity
 * @param endpointSuffix the namespace suffix for {@code cloud: Private}
 * @param useRegex whether the entity name is a regex over all queues / subscriptions
 * @param operation how regex matches are aggregated
 */
public record AzureServiceBusConfig(
    @Param(name = "queueName", optional = true) String queueName,
    @Param(name = "topicName", optional = true) String topicName,
    @Param(name = "subscriptionName", optional = true) String subscriptionName,
    @Param(name = "messageCount", defaultValue = "5") long messageCount,
    @Param(name = "activationMessageCount", defaultValue = "0") long activationMessageCount,
    @Param(
            name = "connection",
            order = {Source.AUTH_PARAMS, Source.RESOLVED_ENV},
            optional = true,
            sensitive = true)
        String connection,
    @Param(name = "namespace", optional = true) String namespace,
    @Param(name = "cloud", optional = true) String cloud,
    @Param(name = "endpointSuffix", optional = true) String endpointSuffix,
    @Param(name = "useRegex", optional = true) boolean useRegex,
    @Param(
            name = "operation",
            defaultValue = "sum",
            enumValues = {"sum", "max", "avg"})
        String operation)
    implements ValidatedConfig {

  /** What is measured: a queue or a topic's subscription. */
  public enum EntityType {
    NONE,
    QUEUE,
    SUBSCRIPTION
  }

  /** The entity type the names select (KEDA's {@code entityType}). */
  public EntityType entityType() {
    if (!queueName.isEmpty()) {
      return EntityType.QUEUE;
    }
    return topicName.isEmpty() ? EntityType.NONE : EntityType.SUBSCRIPTION;
  }

  /** The name matched against entities when {@code useRegex}: the queue or the subscription. */
  public String regexSource() {
    return entityType() == EntityType.QUEUE ? queueName : subscriptionName;
  }

  /** The metric base name, {@code azure-servicebus-<queue|topic>} or the regex variants. */
  public String metricBase() {
    String entity =
        entityType() == EntityType.QUEUE
            ? (useRegex ? "queue-regex" : queueName)
            : (useRegex ? "topic-regex" : topicName);
    return "azure-servicebus-" + entity;
  }

  /** The regex aggregation. */
  public RegexOperation regexOperation() {
    return RegexOperation.parse(operation);
  }

  @Override
  public List<ConfigError> validate() {
    List<ConfigError> errors = new ArrayList<>();
    EntityType type = entityType();
    if (type == EntityType.QUEUE && !subscriptionName.isEmpty()) {
      errors.add(new ConfigError("", "subscription name provided with queue name"));
    }
    if (!topicName.isEmpty() && type == EntityType.QUEUE) {
      errors.add(new ConfigError("", "both topic and queue name metadata provided"));
    }
    if (type == EntityType.SUBSCRIPTION && subscriptionName.isEmpty()) {
      errors.add(new ConfigError("", "no subscription name provided with topic name"));
    }
    if (type == EntityType.NONE) {
      errors.add(new ConfigError("", "no service bus entity type set"));
    }
    if (useRegex && type != EntityType.NONE) {
      try {
        Pattern.compile(regexSource());
      } catch (PatternSyntaxException e) {
        errors.add(
            new ConfigError(
                type == EntityType.QUEUE ? "queueName" : "subscriptionName",
                "invalid regex \"" + regexSource() + "\": " + e.getDescription()));
      }
    }
    if (connection.isEmpty()) {
      errors.addAll(connectionErrors());
    }
    return errors;
  }

  /**
   * Without a connection KEDA needs a pod identity; keda4j does not pass one to scalers yet, so a
   * {@code namespace} (the workload-identity setting) gets an explicit "not supported" error.
   */
  private List<ConfigError> connectionErrors() {
    if (namespace.isEmpty()) {
      return List.of(new ConfigError("connection", "no connection setting given"));
    }
    String fqdn;
    try {
      fqdn = namespace + "." + AzureCloud.serviceBusSuffix(cloud, endpointSuffix);
    } catch (IllegalArgumentException e) {
      return List.of(new ConfigError("cloud", e.getMessage()));
    }
    return List.of(
        new ConfigError(
            "namespace",
            "namespace "
                + fqdn
                + " needs pod identity (azure-workload), which is not supported by keda4j yet:"
                + " set connection (TriggerAuthentication) or connectionFromEnv"));
  }

  @Override
  public String toString() {
    return ConfigStrings.describe(this);
  }
}
