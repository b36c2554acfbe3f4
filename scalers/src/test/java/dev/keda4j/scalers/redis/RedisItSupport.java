package dev.keda4j.scalers.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerRegistry;
import dev.keda4j.scalers.spi.ScalerResult;
import dev.keda4j.scalers.spi.ScalerRuntime;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Shared plumbing of the Redis ITs. The standalone Redis comes from {@code KEDA4J_REDIS_ADDR}
 * (default 127.0.0.1:6379); source-testkit's {@code RedisFixture} is not installed in ~/.m2 yet, so
 * this reads the same variable itself.
 */
final class RedisItSupport implements AutoCloseable {
  static final String ADDRESS = System.getenv().getOrDefault("KEDA4J_REDIS_ADDR", "127.0.0.1:6379");

  final Vertx vertx = Vertx.vertx();
  final ExecutorService blocking = Executors.newFixedThreadPool(2);
  final ScalerRuntime runtime = new ScalerRuntime(vertx, blocking);
  final ScalerRegistry registry = ScalerRegistry.load();
  private final List<Scaler> scalers = new ArrayList<>();

  static String uniqueKey() {
    return "k4j-" + UUID.randomUUID();
  }

  Scaler scaler(String type, int index, Map<String, String> metadata) throws Exception {
    return scaler(type, index, metadata, Map.of());
  }

  Scaler scaler(String type, int index, Map<String, String> metadata, Map<String, String> auth)
      throws Exception {
    ScalerContext ctx =
        ScalerContext.builder(type)
            .scalableObject("ScaledObject", "it", "app")
            .triggerIndex(index)
            .metadata(metadata)
            .authParams(auth)
            .build();
    Scaler s = registry.build(ctx, runtime).scaler();
    scalers.add(s);
    return s;
  }

  static ScalerResult poll(Scaler s) throws Exception {
    String name = s.metricSpecs().get(0).metricName();
    ScalerResult r = s.poll(name).toCompletableFuture().get(15, TimeUnit.SECONDS);
    assertThat(r.values())
        .singleElement()
        .satisfies(v -> assertThat(v.metricName()).isEqualTo(name));
    return r;
  }

  /** The failure of a poll that must fail. */
  static Throwable pollFailure(Scaler s) throws InterruptedException, TimeoutException {
    try {
      ScalerResult r =
          s.poll(s.metricSpecs().get(0).metricName())
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);
      throw new AssertionError("poll should have failed but returned " + r);
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  static Response call(Redis client, String command, Object... args) {
    Request req = Request.cmd(io.vertx.redis.client.Command.create(command));
    for (Object a : args) {
      req.arg(String.valueOf(a));
    }
    return client.send(req).await();
  }

  @Override
  public void close() throws InterruptedException {
    scalers.forEach(Scaler::close);
    runtime.close();
    vertx.close().await();
    blocking.shutdown();
    blocking.awaitTermination(5, TimeUnit.SECONDS);
  }
}
