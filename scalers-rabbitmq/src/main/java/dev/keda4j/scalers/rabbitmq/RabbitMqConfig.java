package dev.keda4j.scalers.rabbitmq;

import static dev.keda4j.scalers.config.Source.AUTH_PARAMS;
import static dev.keda4j.scalers.config.Source.RESOLVED_ENV;
import static dev.keda4j.scalers.config.Source.TRIGGER_METADATA;

import dev.keda4j.scalers.config.ConfigError;
import dev.keda4j.scalers.config.ConfigStrings;
import dev.keda4j.scalers.config.Param;
import dev.keda4j.scalers.config.TlsConfig;
import dev.keda4j.scalers.config.ValidatedConfig;
import java.time.Duration;
import java.util.List;

/**
 * {@code rabbitmq} (scalers.md §3.6).
 *
 * @param host {@code amqp[s]://user:pass@host:port/vhost} or {@code
 *     http[s]://user:pass@host:port[/prefix]/vhost} — secret (credentials)
 * @param queueName queue, or a regex with {@code useRegex}
 * @param mode QueueLength, MessageRate, ... or {@code Unknown} when not given
 * @param value target, null when not given
 * @param activationValue activation threshold
 * @param queueLength deprecated target for QueueLength, null when not given
 * @param protocol {@code auto}, {@code amqp} or {@code http}
 * @param vhostName overrides the vhost of {@code host}
 * @param useRegex {@code queueName} is a regex (HTTP only)
 * @param excludeUnacknowledged count {@code messages_ready} only (HTTP only)
 * @param pageSize regex page size
 * @param operation sum, max or avg over regex matches (checked when queried)
 * @param timeout HTTP timeout, null for the global one
 * @param unsafeSsl skip certificate verification
 * @param auth TriggerAuthentication parameters
 */
public record RabbitMqConfig(
    @Param(
            name = "host",
            order = {TRIGGER_METADATA, AUTH_PARAMS, RESOLVED_ENV},
            sensitive = true)
        String host,
    @Param(name = "queueName") String queueName,
    @Param(
            name = "mode",
            defaultValue = RabbitMqMode.UNKNOWN,
            enumValues = {
              RabbitMqMode.UNKNOWN,
              "QueueLength",
              "MessageRate",
              "DeliverGetRate",
              "PublishedToDeliveredRatio",
              "ExpectedQueueConsumptionTime"
            })
        String mode,
    @Param(name = "value", optional = true) Double value,
    @Param(name = "activationValue", defaultValue = "0") double activationValue,
    @Param(name = "queueLength", optional = true) Double queueLength,
    @Param(
            name = "protocol",
            order = {TRIGGER_METADATA, AUTH_PARAMS},
            defaultValue = "auto",
            enumValues = {"auto", "http", "amqp"})
        String protocol,
    @Param(
            name = "vhostName",
            order = {TRIGGER_METADATA, AUTH_PARAMS},
            optional = true)
        String vhostName,
    @Param(name = "useRegex", defaultValue = "false") boolean useRegex,
    @Param(name = "excludeUnacknowledged", defaultValue = "false") boolean excludeUnacknowledged,
    @Param(name = "pageSize", defaultValue = "100") long pageSize,
    @Param(name = "operation", defaultValue = "sum") String operation,
    @Param(name = "timeout", optional = true) Duration timeout,
    @Param(name = "unsafeSsl", defaultValue = "false") boolean unsafeSsl,
    RabbitMqAuthParams auth)
    implements ValidatedConfig {

  /** KEDA's {@code defaultRabbitMQQueueLength}: the target when nothing is configured. */
  static final double DEFAULT_QUEUE_LENGTH = 20;

  @Override
  public List<ConfigError> validate() {
    RabbitMqHost parsed;
    RabbitMqProtocol resolved;
    try {
      parsed = RabbitMqHost.parse(host);
      resolved = RabbitMqProtocol.resolve(protocol, parsed.scheme());
    } catch (IllegalArgumentException e) {
      return List.of(new ConfigError("host", e.getMessage()));
    }
    if (resolved == RabbitMqProtocol.AMQP && timeout != null) {
      return List.of(
          new ConfigError(
              "timeout", "amqp protocol doesn't support custom timeouts: " + timeout.toMillis()));
    }
    if (pageSize < 1) {
      return List.of(new ConfigError("pageSize", "pageSize should be 1 or greater than 1"));
    }
    if (resolved == RabbitMqProtocol.AMQP && !auth.workloadIdentityResource().isEmpty()) {
      return List.of(
          new ConfigError(
              "workloadIdentityResource",
              "workload identity is not supported for amqp protocol currently"));
    }
    if (useRegex && resolved != RabbitMqProtocol.HTTP) {
      return List.of(new ConfigError("useRegex", "configure only useRegex with http protocol"));
    }
    if (excludeUnacknowledged && resolved != RabbitMqProtocol.HTTP) {
      return List.of(
          new ConfigError(
              "excludeUnacknowledged",
              "configure excludeUnacknowledged=true with http protocol only"));
    }
    List<ConfigError> trigger = validateTrigger(resolved);
    if (!trigger.isEmpty()) {
      return trigger;
    }
    return unsupportedAuth();
  }

  // Checked after KEDA's own rules so that KEDA's messages win where both apply.
  private List<ConfigError> unsupportedAuth() {
    if (auth.oauth()) {
      return List.of(
          new ConfigError("oauthTokenURI", "OAuth2 for rabbitmq is not supported by keda4j yet"));
    }
    if (!auth.workloadIdentityResource().isEmpty()) {
      return List.of(
          new ConfigError(
              "workloadIdentityResource",
              "workload identity for rabbitmq is not supported by keda4j yet"));
    }
    return List.of();
  }

  private List<ConfigError> validateTrigger(RabbitMqProtocol resolved) {
    boolean modeGiven = !RabbitMqMode.UNKNOWN.equals(mode);
    if (queueLength != null && (modeGiven || value != null)) {
      return List.of(
          new ConfigError(
              "queueLength", "queueLength is deprecated; configure only mode and value"));
    }
    if (queueLength != null || (!modeGiven && value == null)) {
      return List.of();
    }
    if (!modeGiven) {
      return List.of(new ConfigError("mode", "mode must be specified"));
    }
    if (value == null) {
      return List.of(new ConfigError("value", "value must be specified"));
    }
    if (triggerMode().needsHttp() && resolved == RabbitMqProtocol.AMQP) {
      return List.of(
          new ConfigError(
              "mode", "protocol amqp not supported; must be HTTP to use trigger mode " + mode));
    }
    return List.of();
  }

  /** The parsed host URL (valid after binding). */
  RabbitMqHost parsedHost() {
    return RabbitMqHost.parse(host);
  }

  /** {@code protocol} with {@code auto} resolved from the host scheme. */
  RabbitMqProtocol resolvedProtocol() {
    return RabbitMqProtocol.resolve(protocol, parsedHost().scheme());
  }

  /** The mode in effect: QueueLength when only {@code queueLength} or nothing is given. */
  RabbitMqMode triggerMode() {
    return RabbitMqMode.byName(mode).orElse(RabbitMqMode.QUEUE_LENGTH);
  }

  /** The target: {@code value}, the deprecated {@code queueLength}, or 20. */
  double targetValue() {
    if (queueLength != null) {
      return queueLength;
    }
    return value != null ? value : DEFAULT_QUEUE_LENGTH;
  }

  /** TLS in effect: {@code tls: enable} or an {@code amqps}/{@code https} host. */
  TlsConfig tlsConfig() {
    boolean enabled = auth.tlsEnabled() || parsedHost().tlsScheme();
    return new TlsConfig(
        enabled, unsafeSsl, auth.cert(), auth.key(), auth.keyPassword(), auth.ca());
  }

  @Override
  public String toString() {
    return ConfigStrings.describe(this);
  }
}
