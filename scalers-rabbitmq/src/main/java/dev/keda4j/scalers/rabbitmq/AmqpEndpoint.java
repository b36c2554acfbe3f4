package dev.keda4j.scalers.rabbitmq;

import dev.keda4j.scalers.config.ConfigStrings;
import dev.keda4j.scalers.config.TlsConfig;

/**
 * What identifies a shared AMQP connection: where, which vhost, as whom, over which TLS.
 *
 * @param host the parsed {@code host} URL
 * @param vhost the vhost ({@code vhostName} or the URL's)
 * @param username user ({@code username} param or the URL's)
 * @param password password — secret
 * @param tls TLS settings
 */
record AmqpEndpoint(
    RabbitMqHost host, String vhost, String username, String password, TlsConfig tls) {

  /** The endpoint a config names: {@code vhostName} and {@code username/password} override. */
  static AmqpEndpoint of(RabbitMqConfig c) {
    RabbitMqHost h = c.parsedHost();
    String vhost = c.vhostName().isEmpty() ? h.amqpVhost() : c.vhostName();
    boolean own = c.auth().hasCredentials();
    return new AmqpEndpoint(
        h,
        vhost,
        own ? c.auth().username() : h.username(),
        own ? c.auth().password() : h.password(),
        c.tlsConfig());
  }

  /** KEDA dials with TLS EXTERNAL auth when a client certificate and no credentials are given. */
  boolean externalAuth() {
    return tls.enabled() && tls.hasClientCert() && username.isEmpty() && password.isEmpty();
  }

  /** {@code host:port/vhost} for logs and errors. */
  String describe() {
    return host.authority() + "/" + vhost;
  }

  @Override
  public String toString() {
    return "AmqpEndpoint["
        + describe()
        + " user="
        + username
        + " password="
        + ConfigStrings.mask(password)
        + " tls="
        + tls.enabled()
        + "]";
  }
}
