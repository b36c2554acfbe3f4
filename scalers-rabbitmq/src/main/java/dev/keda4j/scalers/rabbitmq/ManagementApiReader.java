package dev.keda4j.scalers.rabbitmq;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** Reads a queue, or the queues a regex matches, from the management HTTP API. */
final class ManagementApiReader implements QueueReader {
  private static final int MAX_BODY_IN_ERROR = 512;

  private final WebClient client;
  private final RabbitMqConfig config;
  private final RabbitMqHost host;
  private final String username;
  private final String password;
  private final String url;
  private final Duration timeout;

  ManagementApiReader(WebClient client, RabbitMqConfig config, Duration globalTimeout) {
    this.client = client;
    this.config = config;
    this.host = config.parsedHost();
    boolean own = config.auth().hasCredentials();
    this.username = own ? config.auth().username() : host.username();
    this.password = own ? config.auth().password() : host.password();
    RabbitMqUrls.VhostPath vhost = RabbitMqUrls.resolveVhost(host.rawPath(), config.vhostName());
    this.url =
        config.useRegex()
            ? RabbitMqUrls.regexUrl(
                host.base(), vhost, config.queueName(), (int) Math.min(config.pageSize(), 100_000))
            : RabbitMqUrls.queueUrl(host.base(), vhost, config.queueName());
    this.timeout = config.timeout() != null ? config.timeout() : globalTimeout;
  }

  @Override
  public CompletionStage<QueueStats> read() {
    QueueOperation operation;
    try {
      operation = config.useRegex() ? QueueOperation.parse(config.operation()) : null;
    } catch (RabbitMqScalerException e) {
      return java.util.concurrent.CompletableFuture.failedFuture(e);
    }
    var request = client.getAbs(url).timeout(timeout.toMillis());
    if (!username.isEmpty() || !password.isEmpty()) {
      request.basicAuthentication(username, password);
    }
    return request
        .send()
        .toCompletionStage()
        .handle(
            (resp, err) -> {
              if (err != null) {
                throw new RabbitMqScalerException(
                    "rabbitmq: requesting " + shownUrl() + " failed: " + err.getMessage());
              }
              return parse(resp, operation);
            });
  }

  private QueueStats parse(HttpResponse<Buffer> resp, QueueOperation operation) {
    if (resp.statusCode() != 200) {
      String body = resp.bodyAsString();
      body = body == null ? "" : body;
      if (body.length() > MAX_BODY_IN_ERROR) {
        body = body.substring(0, MAX_BODY_IN_ERROR) + "...";
      }
      throw new RabbitMqScalerException(
          "error requesting RabbitMQ API status: "
              + resp.statusCode()
              + ", response: "
              + body
              + ", from: "
              + shownUrl());
    }
    try {
      if (operation == null) {
        return QueueStatsJson.queue(resp.bodyAsJsonObject());
      }
      return operation.combine(QueueStatsJson.page(resp.bodyAsJsonObject()));
    } catch (DecodeException | ClassCastException e) {
      throw new RabbitMqScalerException(
          "rabbitmq: unexpected response from " + shownUrl() + ": " + e.getMessage());
    }
  }

  // Credentials are sent as a header, never in the URL; errors still show that some were used.
  private String shownUrl() {
    boolean withCredentials = !username.isEmpty() || !password.isEmpty();
    if (!withCredentials) {
      return url;
    }
    int start = url.indexOf("://") + 3;
    return url.substring(0, start) + RabbitMqUrls.MASKED_USER_INFO + url.substring(start);
  }

  @Override
  public String toString() {
    return "ManagementApiReader[" + shownUrl() + "]";
  }
}
