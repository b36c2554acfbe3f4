package dev.keda4j.scalers.kafka;

import static dev.keda4j.scalers.config.Source.RESOLVED_ENV;
import static dev.keda4j.scalers.config.Source.TRIGGER_METADATA;

import dev.keda4j.scalers.config.ConfigError;
import dev.keda4j.scalers.config.ConfigStrings;
import dev.keda4j.scalers.config.Param;
import dev.keda4j.scalers.config.ValidatedConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code kafka} and {@code apache-kafka} (scalers.md §3.3).
 *
 * @param bootstrapServers {@code host:port} list
 * @param consumerGroup the consumer group whose lag is measured
 * @param topic the topic; "" ⇒ every topic the group has committed offsets for
 * @param partitionLimitation partitions considered, e.g. {@code 1,2,10-12}; ignored without topic
 * @param lagThreshold target lag per replica (&gt; 0)
 * @param activationLagThreshold lag above which the trigger is active (≥ 0)
 * @param offsetResetPolicy latest or earliest: how a partition without commit counts
 * @param allowIdleConsumers allow more replicas than partitions
 * @param excludePersistentLag a partition whose commit did not move since the last poll adds no lag
 * @param scaleToZeroOnInvalidOffset a partition without commit counts 0
 * @param limitToPartitionsWithLag cap replicas at the number of partitions with lag
 * @param ensureEvenDistributionOfPartitions round replicas up to a factor of the partition count
 * @param fullMetadata fetch metadata for all topics (sarama option; false requires a topic)
 * @param version Kafka protocol version (the Java client negotiates versions itself)
 * @param tls TLS parameters
 * @param sasl SASL parameters
 */
public record KafkaConfig(
    @Param(
            name = "bootstrapServers",
            order = {TRIGGER_METADATA, RESOLVED_ENV})
        List<String> bootstrapServers,
    @Param(
            name = "consumerGroup",
            order = {TRIGGER_METADATA, RESOLVED_ENV})
        String consumerGroup,
    @Param(
            name = "topic",
            order = {TRIGGER_METADATA, RESOLVED_ENV},
            optional = true)
        String topic,
    @Param(name = "partitionLimitation", optional = true) String partitionLimitation,
    @Param(name = "lagThreshold", defaultValue = "10") long lagThreshold,
    @Param(name = "activationLagThreshold", defaultValue = "0") long activationLagThreshold,
    @Param(
            name = "offsetResetPolicy",
            defaultValue = "latest",
            enumValues = {"latest", "earliest"})
        String offsetResetPolicy,
    @Param(name = "allowIdleConsumers", defaultValue = "false") boolean allowIdleConsumers,
    @Param(name = "excludePersistentLag", defaultValue = "false") boolean excludePersistentLag,
    @Param(name = "scaleToZeroOnInvalidOffset", defaultValue = "false")
        boolean scaleToZeroOnInvalidOffset,
    @Param(name = "limitToPartitionsWithLag", defaultValue = "false")
        boolean limitToPartitionsWithLag,
    @Param(name = "ensureEvenDistributionOfPartitions", defaultValue = "false")
        boolean ensureEvenDistributionOfPartitions,
    @Param(name = "fullMetadata", defaultValue = "true") boolean fullMetadata,
    @Param(name = "version", defaultValue = "1.0.0") String version,
    KafkaTlsParams tls,
    KafkaSaslParams sasl)
    implements ValidatedConfig {

  private static final Pattern VERSION = Pattern.compile("^\\d+\\.\\d+\\.\\d+(\\.\\d+)?$");

  @Override
  public List<ConfigError> validate() {
    List<ConfigError> errors = new ArrayList<>();
    validateScaling(errors);
    validateTls(errors);
    validateSasl(errors);
    return errors;
  }

  private void validateScaling(List<ConfigError> errors) {
    if (lagThreshold <= 0) {
      errors.add(new ConfigError("lagThreshold", "\"lagThreshold\" must be positive number"));
    }
    if (activationLagThreshold < 0) {
      errors.add(
          new ConfigError(
              "activationLagThreshold", "\"activationLagThreshold\" must be positive number"));
    }
    if (!topic.isEmpty() && !partitionLimitation.isEmpty()) {
      try {
        PartitionRanges.parse(partitionLimitation);
      } catch (IllegalArgumentException e) {
        errors.add(new ConfigError("partitionLimitation", e.getMessage()));
      }
    }
    if (allowIdleConsumers && limitToPartitionsWithLag) {
      errors.add(
          new ConfigError(
              "limitToPartitionsWithLag",
              "allowIdleConsumers and limitToPartitionsWithLag cannot be set simultaneously"));
    }
    if (ensureEvenDistributionOfPartitions && limitToPartitionsWithLag) {
      errors.add(
          new ConfigError(
              "limitToPartitionsWithLag",
              "limitToPartitionsWithLag and ensureEvenDistributionOfPartitions cannot be set"
                  + " simultaneously"));
    }
    if (topic.isEmpty()) {
      requireTopic(errors, limitToPartitionsWithLag, "limitToPartitionsWithLag");
      requireTopic(
          errors, ensureEvenDistributionOfPartitions, "ensureEvenDistributionOfPartitions");
      requireTopic(errors, !fullMetadata, "fullMetadata=false");
    }
    if (!VERSION.matcher(version).matches()) {
      errors.add(
          new ConfigError(
              "version", "error parsing kafka version: invalid version `" + version + "`"));
    }
  }

  private static void requireTopic(List<ConfigError> errors, boolean set, String what) {
    if (set) {
      errors.add(new ConfigError("topic", "topic must be specified when using " + what));
    }
  }

  private void validateTls(List<ConfigError> errors) {
    if (!"enable".equals(tls.tls()) && !"disable".equals(tls.tls())) {
      errors.add(new ConfigError("tls", "error incorrect TLS value given, got " + tls.tls()));
      return;
    }
    if (tls.enabled()) {
      if (!tls.cert().isEmpty() && tls.key().isEmpty()) {
        errors.add(new ConfigError("key", "key must be provided with cert"));
      }
      if (!tls.key().isEmpty() && tls.cert().isEmpty()) {
        errors.add(new ConfigError("cert", "cert must be provided with key"));
      }
    }
  }

  private void validateSasl(List<ConfigError> errors) {
    switch (sasl.sasl()) {
      case "plaintext", "scram_sha256", "scram_sha512" -> requireCredentials(errors);
      case "oauthbearer" -> {
        if ("aws_msk_iam".equals(sasl.saslTokenProvider())) {
          if (!tls.enabled()) {
            errors.add(new ConfigError("tls", "TLS is required for MSK"));
          }
          if (sasl.awsRegion().isEmpty()) {
            errors.add(new ConfigError("awsRegion", "no awsRegion given"));
          }
        } else {
          requireCredentials(errors);
          if (sasl.oauthTokenEndpointUri().isEmpty()) {
            errors.add(
                new ConfigError("oauthTokenEndpointUri", "no oauth token endpoint uri given"));
          }
        }
      }
      case "gssapi" -> validateGssapi(errors);
      default -> {
        // none: no credentials needed
      }
    }
  }

  private void requireCredentials(List<ConfigError> errors) {
    if (sasl.username().isEmpty()) {
      errors.add(new ConfigError("username", "no username given"));
    }
    if (sasl.password().isEmpty()) {
      errors.add(new ConfigError("password", "no password given"));
    }
  }

  private void validateGssapi(List<ConfigError> errors) {
    if (sasl.username().isEmpty()) {
      errors.add(new ConfigError("username", "no username given"));
    }
    if (sasl.realm().isEmpty()) {
      errors.add(new ConfigError("realm", "no realm given"));
    }
    if (sasl.kerberosConfig().isEmpty()) {
      errors.add(
          new ConfigError(
              "kerberosConfig", "no Kerberos configuration file (kerberosConfig) given"));
    }
    if (sasl.password().isEmpty() == sasl.keytab().isEmpty()) {
      errors.add(
          new ConfigError(
              "password",
              "exactly one of 'password' or 'keytab' must be provided for GSSAPI authentication"));
    }
  }

  /** The partitions to consider, empty for all (always empty without a topic). */
  public List<Integer> limitedPartitions() {
    return topic.isEmpty() || partitionLimitation.isEmpty()
        ? List.of()
        : PartitionRanges.parse(partitionLimitation);
  }

  /** The base of the metric name: {@code kafka-<topic>} or {@code kafka-<group>-topics}. */
  public String metricBase() {
    return topic.isEmpty() ? "kafka-" + consumerGroup + "-topics" : "kafka-" + topic;
  }

  /** The lag rules for {@link KafkaLagCalculator}. */
  public LagRules lagRules() {
    return new LagRules(
        lagThreshold,
        activationLagThreshold,
        "earliest".equals(offsetResetPolicy),
        scaleToZeroOnInvalidOffset,
        excludePersistentLag,
        allowIdleConsumers,
        limitToPartitionsWithLag,
        ensureEvenDistributionOfPartitions);
  }

  @Override
  public String toString() {
    return ConfigStrings.describe(this);
  }
}
