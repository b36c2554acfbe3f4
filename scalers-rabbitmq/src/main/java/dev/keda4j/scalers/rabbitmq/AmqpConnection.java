package dev.keda4j.scalers.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultSaslConfig;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One AMQP connection shared by the scalers of an endpoint, opened on first use and reopened after
 * it broke. Each read uses its own short-lived channel: a passive declare of a missing queue closes
 * the channel, never the connection.
 */
final class AmqpConnection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AmqpConnection.class);
  private static final int CONNECT_TIMEOUT_MS = 5_000;
  private static final int CLOSE_TIMEOUT_MS = 1_000;

  private final AmqpEndpoint endpoint;
  private final String connectionName;
  private Connection connection;
  private boolean closed;

  AmqpConnection(AmqpEndpoint endpoint, String connectionName) {
    this.endpoint = endpoint;
    this.connectionName = connectionName;
  }

  /**
   * The ready count of {@code queue} by passive declare. Blocking: call on the blocking pool.
   *
   * @throws RabbitMqScalerException when the queue is missing or the broker cannot be reached
   */
  long readyCount(String queue) {
    Connection c = open();
    try (Channel ch = c.createChannel()) {
      AMQP.Queue.DeclareOk ok = ch.queueDeclarePassive(queue);
      return ok.getMessageCount();
    } catch (IOException | TimeoutException | ShutdownSignalException e) {
      throw new RabbitMqScalerException(
          "rabbitmq: reading queue "
              + queue
              + " on "
              + endpoint.describe()
              + " failed: "
              + reason(e));
    }
  }

  private synchronized Connection open() {
    if (closed) {
      throw new RabbitMqScalerException(
          "rabbitmq: connection to " + endpoint.describe() + " closed");
    }
    if (connection != null && connection.isOpen()) {
      return connection;
    }
    try {
      connection = factory().newConnection(connectionName);
      LOG.info("rabbitmq: opened AMQP connection {} to {}", connectionName, endpoint.describe());
      return connection;
    } catch (IOException | TimeoutException e) {
      throw new RabbitMqScalerException(
          "rabbitmq: connecting to " + endpoint.describe() + " failed: " + reason(e));
    }
  }

  private ConnectionFactory factory() {
    ConnectionFactory f = new ConnectionFactory();
    RabbitMqHost h = endpoint.host();
    String[] hostPort = splitAuthority(h.authority());
    f.setHost(hostPort[0]);
    boolean tls = endpoint.tls().enabled();
    f.setPort(hostPort[1].isEmpty() ? (tls ? 5671 : 5672) : Integer.parseInt(hostPort[1]));
    f.setVirtualHost(endpoint.vhost());
    if (!endpoint.username().isEmpty()) {
      f.setUsername(endpoint.username());
      f.setPassword(endpoint.password());
    }
    if (tls) {
      f.useSslProtocol(PemTls.sslContext(endpoint.tls()));
      if (!endpoint.tls().unsafeSsl()) {
        f.enableHostnameVerification();
      }
    }
    if (endpoint.externalAuth()) {
      f.setSaslConfig(DefaultSaslConfig.EXTERNAL);
    }
    f.setConnectionTimeout(CONNECT_TIMEOUT_MS);
    // This class reconnects on the next read; the client's own recovery would retry in the
    // background.
    f.setAutomaticRecoveryEnabled(false);
    f.setTopologyRecoveryEnabled(false);
    return f;
  }

  private static String[] splitAuthority(String authority) {
    int colon = authority.lastIndexOf(':');
    String[] parts =
        colon < 0 || authority.endsWith("]")
            ? new String[] {authority, ""}
            : new String[] {authority.substring(0, colon), authority.substring(colon + 1)};
    // IPv6 literals come bracketed from the URL; the client's socket wants them bare.
    parts[0] = parts[0].replace("[", "").replace("]", "");
    return parts;
  }

  // amqp-client messages name the broker's reason (NOT_FOUND, ACCESS_REFUSED), never the password.
  private static String reason(Exception e) {
    Throwable t = e;
    while (t.getCause() != null && t.getMessage() == null) {
      t = t.getCause();
    }
    if (t instanceof ShutdownSignalException s && s.getReason() instanceof AMQP.Channel.Close cc) {
      return cc.getReplyText();
    }
    if (t.getCause() instanceof ShutdownSignalException s
        && s.getReason() instanceof AMQP.Channel.Close cc) {
      return cc.getReplyText();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (connection != null) {
      connection.abort(CLOSE_TIMEOUT_MS);
      LOG.info("rabbitmq: closed AMQP connection {} to {}", connectionName, endpoint.describe());
      connection = null;
    }
  }
}
