package dev.keda4j.scalers.rabbitmq;

import java.util.Locale;

/** How queue counts are read: AMQP passive declare or the management HTTP API. */
enum RabbitMqProtocol {
  AMQP,
  HTTP;

  /**
   * The {@code protocol} parameter resolved against the host's scheme ({@code auto} looks at it).
   *
   * @param protocol {@code amqp}, {@code http} or {@code auto}
   * @param hostScheme the scheme of {@code host} ("" when it has none)
   * @throws IllegalArgumentException with KEDA's message for an unknown scheme under {@code auto}
   */
  static RabbitMqProtocol resolve(String protocol, String hostScheme) {
    switch (protocol) {
      case "amqp":
        return AMQP;
      case "http":
        return HTTP;
      default:
        break;
    }
    String scheme = hostScheme == null ? "" : hostScheme.toLowerCase(Locale.ROOT);
    return switch (scheme) {
      case "amqp", "amqps" -> AMQP;
      case "http", "https" -> HTTP;
      default -> throw new IllegalArgumentException("unknown host URL scheme `" + scheme + "`");
    };
  }
}
