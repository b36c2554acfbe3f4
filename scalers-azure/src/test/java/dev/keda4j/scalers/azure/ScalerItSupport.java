package dev.keda4j.scalers.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerRegistry;
import dev.keda4j.scalers.spi.ScalerResult;
import dev.keda4j.scalers.spi.ScalerRuntime;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Builds scalers through the registry (as the app does), polls them, closes everything. */
public final class ScalerItSupport implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final ExecutorService blocking = Executors.newFixedThreadPool(2);
  private final ScalerRuntime runtime = new ScalerRuntime(vertx, blocking);
  private final ScalerRegistry registry = ScalerRegistry.load();
  private final List<Scaler> scalers = new ArrayList<>();

  /** A scaler for a trigger of {@code type}, with the default 3 s HTTP timeout. */
  public Scaler scaler(
      String type,
      int index,
      Map<String, String> md,
      Map<String, String> env,
      Map<String, String> auth)
      throws Exception {
    return scaler(type, index, md, env, auth, ScalerContext.DEFAULT_HTTP_TIMEOUT);
  }

  /** A scaler for a trigger of {@code type}. */
  public Scaler scaler(
      String type,
      int index,
      Map<String, String> md,
      Map<String, String> env,
      Map<String, String> auth,
      Duration httpTimeout)
      throws Exception {
    ScalerContext ctx =
        ScalerContext.builder(type)
            .scalableObject("ScaledObject", "it", "app")
            .triggerIndex(index)
            .metadata(md)
            .resolvedEnv(env)
            .authParams(auth)
            .globalHttpTimeout(httpTimeout)
            .build();
    Scaler s = registry.build(ctx, runtime).scaler();
    scalers.add(s);
    return s;
  }

  /** A successful poll, checked to carry the requested metric name. */
  public static ScalerResult poll(Scaler s) throws Exception {
    String name = s.metricSpecs().get(0).metricName();
    ScalerResult r = s.poll(name).toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertThat(r.values())
        .singleElement()
        .satisfies(v -> assertThat(v.metricName()).isEqualTo(name));
    return r;
  }

  /** The value of a successful poll as a plain number. */
  public static long value(ScalerResult r) {
    return r.values().get(0).value().milliValue() / 1000;
  }

  /** The failure of a poll that must fail. */
  public static Throwable pollFailure(Scaler s) throws Exception {
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

  @Override
  public void close() {
    scalers.forEach(Scaler::close);
    runtime.close();
    blocking.shutdownNow();
    vertx.close();
  }
}
