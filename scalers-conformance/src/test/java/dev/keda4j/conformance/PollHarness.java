package dev.keda4j.conformance;

import dev.keda4j.scalers.config.ConfigException;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerRegistry;
import dev.keda4j.scalers.spi.ScalerResult;
import dev.keda4j.scalers.spi.ScalerRuntime;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** Builds one trigger through the registry on a fresh runtime and polls it once, bounded. */
final class PollHarness implements AutoCloseable {
  /** Short, so that scalers with their own timeouts give up quickly. */
  static final Duration TRIGGER_TIMEOUT = Duration.ofSeconds(1);

  private final ScalerRegistry registry = ScalerRegistry.load();
  private final Vertx vertx = Vertx.vertx();
  private final ExecutorService blocking = Executors.newFixedThreadPool(4);

  /**
   * What one build-and-poll produced.
   *
   * @param result the value, if the poll completed normally
   * @param error the build or poll failure, if any
   * @param callerTimedOut the harness's bound fired before the scaler answered
   * @param texts every string the scaler showed the outside (metric names, toStrings)
   */
  record Outcome(
      ScalerResult result, Throwable error, boolean callerTimedOut, List<String> texts) {}

  ScalerRegistry registry() {
    return registry;
  }

  Vertx vertx() {
    return vertx;
  }

  Outcome buildAndPoll(ScalerContext ctx, Map<String, String> sysProps, Duration bound) {
    return buildAndPoll(ctx, sysProps, runtime -> {}, bound);
  }

  /**
   * As {@link #buildAndPoll(ScalerContext, Map, Duration)}, with {@code setup} run on the fresh
   * runtime before the scaler is built (the clients a process registers at start-up).
   */
  Outcome buildAndPoll(
      ScalerContext ctx,
      Map<String, String> sysProps,
      Consumer<ScalerRuntime> setup,
      Duration bound) {
    List<String> texts = new ArrayList<>();
    texts.add(ctx.toString());
    sysProps.forEach(System::setProperty);
    try (ScalerRuntime runtime = new ScalerRuntime(vertx, blocking)) {
      setup.accept(runtime);
      ScalerRegistry.Built built;
      try {
        built = registry.build(ctx, runtime);
      } catch (ConfigException | RuntimeException e) {
        return new Outcome(null, e, false, texts);
      }
      built.warnings().forEach(w -> texts.add(String.valueOf(w)));
      try (var scaler = built.scaler()) {
        texts.add(scaler.toString());
        List<MetricSpec> specs = scaler.metricSpecs();
        specs.forEach(s -> texts.add(s.toString()));
        String metric = specs.get(0).metricName();
        CompletableFuture<ScalerResult> f =
            scaler
                .poll(metric)
                .toCompletableFuture()
                .orTimeout(bound.toMillis(), TimeUnit.MILLISECONDS);
        try {
          ScalerResult r = f.get(bound.toMillis() + 5_000, TimeUnit.MILLISECONDS);
          r.values().forEach(v -> texts.add(v.toString()));
          return new Outcome(r, null, false, texts);
        } catch (ExecutionException | CompletionException e) {
          Throwable cause = e.getCause() == null ? e : e.getCause();
          boolean ours =
              cause instanceof TimeoutException
                  && cause.getMessage() == null
                  && cause.getCause() == null;
          return new Outcome(null, cause, ours, texts);
        } catch (TimeoutException e) {
          return new Outcome(null, e, true, texts);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    } finally {
      sysProps.keySet().forEach(System::clearProperty);
    }
  }

  /** Messages and class names of an error, its causes and suppressed errors. */
  static String describe(Throwable t) {
    StringBuilder b = new StringBuilder();
    Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    walk(t, b, seen);
    return b.toString();
  }

  private static void walk(Throwable t, StringBuilder b, Set<Throwable> seen) {
    if (t == null || !seen.add(t)) {
      return;
    }
    b.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
    b.append(t.toString()).append('\n');
    for (Throwable s : t.getSuppressed()) {
      walk(s, b, seen);
    }
    walk(t.getCause(), b, seen);
  }

  @Override
  public void close() {
    blocking.shutdownNow();
    try {
      vertx.close().await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("closing Vert.x", e);
    }
  }
}
