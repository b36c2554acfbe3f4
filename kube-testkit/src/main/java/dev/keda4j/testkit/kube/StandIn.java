package dev.keda4j.testkit.kube;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The in-process API server: fabric8's {@code KubernetesMockServer} in CRUD mode behind an {@link
 * ApiProxy} on one Vert.x instance shared by the whole JVM. Both listen on 127.0.0.1, on free
 * ports.
 */
final class StandIn implements AutoCloseable {

  private static volatile Vertx shared;

  /** Held so the level sticks: the mock logs every request through java.util.logging at INFO. */
  private static final java.util.logging.Logger MOCK_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  static {
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  private final KubernetesMockServer mock;
  private final Backend backend;
  private final ApiProxy proxy;
  private final HttpServer server;
  private final ResourceRegistry registry;

  StandIn(ApiStats stats, long bookmarkIntervalMs) {
    Vertx vertx = vertx();
    this.mock =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    try {
      mock.init(InetAddress.getByName("127.0.0.1"), 0);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
    this.backend = new Backend(vertx, "127.0.0.1", mock.getPort());
    this.registry = new ResourceRegistry();
    Discovery discovery = new Discovery(registry);
    this.proxy = new ApiProxy(vertx, backend, registry, discovery, stats, bookmarkIntervalMs);
    this.server =
        await(
            vertx
                .createHttpServer(new HttpServerOptions().setHost("127.0.0.1"))
                .requestHandler(proxy::handle)
                .listen(0));
    discovery.serverAddress("127.0.0.1:" + server.actualPort());
  }

  static Vertx vertx() {
    Vertx v = shared;
    if (v == null) {
      synchronized (StandIn.class) {
        v = shared;
        if (v == null) {
          v = Vertx.vertx();
          shared = v;
        }
      }
    }
    return v;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  ResourceRegistry registry() {
    return registry;
  }

  void limit(QpsLimiter limiter) {
    proxy.limit(limiter);
  }

  private static <T> T await(io.vertx.core.Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("stand-in did not start", e);
    }
  }

  @Override
  public void close() {
    proxy.close();
    await(server.close());
    await(backend.close());
    mock.destroy();
  }
}
