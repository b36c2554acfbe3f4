package dev.keda4j.scalers.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code protocol} auto-detection from the host scheme. */
class RabbitMqProtocolTest {

  @ParameterizedTest(name = "{0} + {1} -> {2}")
  @CsvSource({
    "auto, amqp, AMQP",
    "auto, amqps, AMQP",
    "auto, http, HTTP",
    "auto, https, HTTP",
    "auto, HTTPS, HTTP",
    "amqp, http, AMQP",
    "http, amqp, HTTP",
    "http, '', HTTP"
  })
  void resolves(String protocol, String scheme, RabbitMqProtocol expected) {
    assertThat(RabbitMqProtocol.resolve(protocol, scheme)).isEqualTo(expected);
  }

  @Test
  void unknownSchemeUnderAuto() {
    assertThatThrownBy(() -> RabbitMqProtocol.resolve("auto", "ftp"))
        .hasMessage("unknown host URL scheme `ftp`");
    assertThatThrownBy(() -> RabbitMqProtocol.resolve("auto", ""))
        .hasMessage("unknown host URL scheme ``");
  }

  @Test
  void hostParsingKeepsCredentialsOutOfToString() {
    RabbitMqHost h = RabbitMqHost.parse("https://us%40er:p%3Ass+w0rd@h.example:15671/pre/v%2F1");
    assertThat(h.scheme()).isEqualTo("https");
    assertThat(h.authority()).isEqualTo("h.example:15671");
    assertThat(h.username()).isEqualTo("us@er");
    assertThat(h.password()).isEqualTo("p:ss+w0rd");
    assertThat(h.rawPath()).isEqualTo("/pre/v%2F1");
    assertThat(h.base()).isEqualTo("https://h.example:15671");
    assertThat(h.tlsScheme()).isTrue();
    assertThat(h.toString()).doesNotContain("w0rd").contains("user:password@");
    assertThat(RabbitMqHost.parse("amqp://h:5672/").amqpVhost()).isEqualTo("/");
    assertThat(RabbitMqHost.parse("amqp://h:5672").amqpVhost()).isEqualTo("/");
    assertThat(RabbitMqHost.parse("amqp://h:5672/%2F").amqpVhost()).isEqualTo("/");
    assertThat(RabbitMqHost.parse("amqp://h:5672/my%20vhost").amqpVhost()).isEqualTo("my vhost");
  }
}
