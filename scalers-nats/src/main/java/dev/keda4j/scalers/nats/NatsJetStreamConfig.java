package dev.keda4j.scalers.nats;

import static dev.keda4j.scalers.config.Source.AUTH_PARAMS;
import static dev.keda4j.scalers.config.Source.TRIGGER_METADATA;

import dev.keda4j.scalers.config.ConfigError;
import dev.keda4j.scalers.config.ConfigStrings;
import dev.keda4j.scalers.config.Param;
import dev.keda4j.scalers.config.ValidatedConfig;
import java.util.List;

/**
 * {@code nats-jetstream} trigger metadata (scalers.md §3.13).
 *
 * @param natsServerMonitoringEndpoint {@code host:port} of the server's monitoring port
 * @param account account name; matched against {@code account_details[].name}
 * @param accountId account id; matched against {@code account_details[].id}, defaults to {@link
 *     #account}
 */
public record NatsJetStreamConfig(
    @Param(
            name = "natsServerMonitoringEndpoint",
            order = {AUTH_PARAMS, TRIGGER_METADATA})
        String natsServerMonitoringEndpoint,
    @Param(
            name = "account",
            order = {AUTH_PARAMS, TRIGGER_METADATA},
            optional = true)
        String account,
    @Param(
            name = "accountID",
            order = {AUTH_PARAMS, TRIGGER_METADATA},
            optional = true)
        String accountId,
    @Param(name = "stream") String stream,
    @Param(name = "consumer") String consumer,
    @Param(name = "lagThreshold", defaultValue = "10") long lagThreshold,
    @Param(name = "activationLagThreshold", defaultValue = "0") long activationLagThreshold,
    @Param(name = "useHttps", defaultValue = "false") boolean useHttps)
    implements ValidatedConfig {

  static final String NO_ACCOUNT = "no account name or id given";

  @Override
  public List<ConfigError> validate() {
    if (account.isEmpty() && accountId.isEmpty()) {
      return List.of(new ConfigError("", NO_ACCOUNT));
    }
    return List.of();
  }

  /** The id sent as {@code acc=}: {@code accountID}, or {@code account} when that is empty. */
  public String effectiveAccountId() {
    return accountId.isEmpty() ? account : accountId;
  }

  /** The first URL polled: {@code http(s)://<endpoint>/jsz?acc=<id>&config=true&consumers=true}. */
  public String monitoringUrl() {
    return MonitoringUrls.jsz(useHttps, natsServerMonitoringEndpoint, effectiveAccountId());
  }

  @Override
  public String toString() {
    // the endpoint is an address, not a secret, but it may carry user:password@
    return ConfigStrings.describe(this)
        .replace(natsServerMonitoringEndpoint, MonitoringUrls.redact(natsServerMonitoringEndpoint));
  }
}
