package dev.keda4j.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** A tiny plain-HTTP server for /healthz, /readyz and /metrics, as KEDA serves them. */
public final class ProbeServer implements AutoCloseable {

  private final HttpServer server;

  private ProbeServer(HttpServer server) {
    this.server = server;
  }

  static ProbeServer health(BindAddress address) {
    HttpServer server = bind(address);
    server.createContext("/healthz", exchange -> reply(exchange, "text/plain", () -> "ok"));
    server.createContext("/readyz", exchange -> reply(exchange, "text/plain", () -> "ok"));
    return start(server);
  }

  static ProbeServer metrics(BindAddress address, PrometheusMeterRegistry registry) {
    HttpServer server = bind(address);
    server.createContext(
        "/metrics",
        exchange -> reply(exchange, "text/plain; version=0.0.4; charset=utf-8", registry::scrape));
    return start(server);
  }

  private static HttpServer bind(BindAddress address) {
    try {
      return HttpServer.create(address.socketAddress(), 0);
    } catch (IOException e) {
      throw new UserFacingException(
          "cannot listen on " + address.host() + ":" + address.port() + ": " + e.getMessage(), e);
    }
  }

  private static ProbeServer start(HttpServer server) {
    server.start();
    return new ProbeServer(server);
  }

  private static void reply(HttpExchange exchange, String contentType, Supplier<String> body)
      throws IOException {
    try (exchange) {
      byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", contentType);
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  public InetSocketAddress boundAddress() {
    return server.getAddress();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
