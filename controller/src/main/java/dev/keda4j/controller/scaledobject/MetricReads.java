package dev.keda4j.controller.scaledobject;

import dev.keda4j.api.v1alpha1.HealthStatus;
import dev.keda4j.api.v1alpha1.ScaledObject;
import dev.keda4j.api.v1alpha1.ScaledObjectSpec;
import dev.keda4j.controller.k8s.KubeCallException;
import dev.keda4j.controller.metrics.KedaMetrics;
import dev.keda4j.controller.scaledobject.fallback.FallbackOutcome;
import dev.keda4j.controller.scaledobject.fallback.FallbackPolicy;
import dev.keda4j.controller.scaledobject.fallback.MetricRead;
import dev.keda4j.controller.scaledobject.modifiers.CompositeMetric;
import dev.keda4j.controller.scaling.RebuildRule;
import dev.keda4j.controller.scaling.ScalerCache;
import dev.keda4j.controller.scaling.SingleFlight;
import dev.keda4j.controller.scaling.TriggerScaler;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.MetricTargetType;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path every external metric read of a ScaledObject takes, from the scale loop and from the
 * metrics API alike (scaledobject.md §5.1, §9, §10): concurrent identical reads coalesce into one
 * scaler poll, fallback is applied with the trigger's health counted once per poll, {@code
 * useCachedMetrics} records are kept for the metrics API, and every read is recorded in {@link
 * KedaMetrics}. One instance per {@link ScalerCache} ({@link #of}).
 *
 * <p>An object's state lives exactly while the cache holds its scalers ({@link ScalerCache#holds}):
 * it is created by the first read or {@link #attach} of a held object and dropped by {@link
 * #forget} when the scalers are removed. A read or attach that comes after the removal creates
 * nothing and polls nothing (the read answers an error); a read that was running when the object
 * was forgotten completes without recording {@code keda_*} series, applying fallback or keeping a
 * record ({@link ScalerCache#metricsWhileHeld}: a removal lands wholly before or after a recording,
 * and the reconcilers drop the object's series after the removal).
 */
public final class MetricReads implements ScalerCache.Extension {
  private static final Logger LOG = LoggerFactory.getLogger(MetricReads.class);
  private static final int BLOCKING_THREADS = 2;

  private final ScalerCache cache;
  private final ExecutorService blocking;
  private final ConcurrentMap<String, ObjectState> objects = new ConcurrentHashMap<>();

  private MetricReads(ScalerCache cache) {
    this.cache = cache;
    AtomicInteger n = new AtomicInteger();
    this.blocking =
        Executors.newFixedThreadPool(
            BLOCKING_THREADS,
            r -> {
              Thread t = new Thread(r, "keda4j-metric-reads-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** The instance shared by everything reading through {@code cache}. */
  public static MetricReads of(ScalerCache cache) {
    return cache.extension(MetricReads.class, () -> new MetricReads(cache));
  }

  /**
   * The outcome of one metric read with fallback applied.
   *
   * @param metricName the external metric name
   * @param values the values (read or fallback); empty on error
   * @param active scaler activity (or fallback active); false on error
   * @param fallbackActive the values are the fallback's
   * @param error the read error, null on success (never holds a secret: scalers sanitize errors)
   */
  public record Reading(
      String metricName,
      List<MetricValue> values,
      boolean active,
      boolean fallbackActive,
      String error) {
    public Reading {
      values = values == null ? List.of() : List.copyOf(values);
    }
  }

  /** What the scale loop tells the metrics API about its object (fallback needs the spec). */
  record Context(
      Supplier<ScaledObject> latest,
      ScaleTargetClient.Target target,
      ScaleTargetClient targets,
      Clock clock) {}

  private static final class ObjectState {
    volatile Context context;
    final ConcurrentMap<String, HealthStatus> health = new ConcurrentHashMap<>();
    final ConcurrentMap<String, Record> records = new ConcurrentHashMap<>();
    final SingleFlight<String, Reading> flights = new SingleFlight<>();
    final AtomicInteger polls = new AtomicInteger();
    // per trigger index: the rebuild in flight, and when the last one after a failed read started
    final ConcurrentMap<Integer, CompletableFuture<TriggerScaler>> rebuilding =
        new ConcurrentHashMap<>();
    final ConcurrentMap<Integer, Instant> rebuiltAt = new ConcurrentHashMap<>();
    final AtomicInteger rebuilds = new AtomicInteger();
  }

  private record Record(Reading reading, Instant at) {}

  /**
   * Called by the scale loop: fallback of adapter reads now knows the spec and the target. Does
   * nothing for an object whose scalers are not held (forgotten before its loop was built).
   */
  void attach(String key, Context context) {
    ObjectState st = state(key);
    if (st != null) {
      st.context = context;
    } else {
      LOG.debug("{}: scalers not held, read context not kept", key);
    }
  }

  /** The ScaledObject the scale loop of {@code key} reads, null when no loop runs. */
  ScaledObject latest(String key) {
    ObjectState st = objects.get(key);
    Context ctx = st == null ? null : st.context;
    return ctx == null ? null : ctx.latest().get();
  }

  /** The health of every metric of {@code key} as last counted (for {@code status.health}). */
  Map<String, HealthStatus> health(String key) {
    ObjectState st = objects.get(key);
    return st == null ? Map.of() : new LinkedHashMap<>(st.health);
  }

  /** Scaler polls started for {@code key} since it was first read (tests, diagnostics). */
  public int polls(String key) {
    ObjectState st = objects.get(key);
    return st == null ? 0 : st.polls.get();
  }

  /** Whether any state of {@code key} is kept (tests, diagnostics). */
  boolean tracks(String key) {
    return objects.containsKey(key);
  }

  /** Rebuilds after failed reads started for {@code key} (tests, diagnostics). */
  public int rebuilds(String key) {
    ObjectState st = objects.get(key);
    return st == null ? 0 : st.rebuilds.get();
  }

  /**
   * Reads {@code spec} of trigger {@code ts}, joining a read of the same metric in flight.
   *
   * @param rebuildOnError on a failed poll rebuild the scaler once and poll again (the loop does:
   *     on every failed read, see {@link RebuildRule})
   */
  CompletableFuture<Reading> read(
      String key, TriggerScaler ts, MetricSpec spec, Duration timeout, boolean rebuildOnError) {
    return read(key, ts, spec, timeout, rebuildOnError ? Duration.ZERO : null);
  }

  /**
   * @param rebuildSpacing on a failed poll rebuild the scaler (at most once per this spacing per
   *     trigger) and poll again; null: never
   */
  private CompletableFuture<Reading> read(
      String key, TriggerScaler ts, MetricSpec spec, Duration timeout, Duration rebuildSpacing) {
    ObjectState st = state(key);
    String metric = spec.metricName();
    if (st == null) {
      return CompletableFuture.completedFuture(removed(key, metric));
    }
    return st.flights.run(
        metric,
        () -> {
          long started = System.nanoTime();
          return poll(key, st, ts, metric, timeout, rebuildSpacing)
              .handle((r, e) -> finish(key, st, ts, spec, r, e, started))
              .thenCompose(f -> f);
        });
  }

  /**
   * A metrics API read: the {@code useCachedMetrics} record when fresh (younger than {@code
   * pollingInterval}), else a live read (coalesced). A failed live read rebuilds the trigger's
   * scaler and reads again as the loop does, but at most once per {@code pollingInterval} per
   * trigger (counting the loop's rebuilds): an HPA asking every 15 s of a source that is down does
   * not rebuild on every request. The rebuild runs on the blocking pool, never on the caller.
   */
  CompletableFuture<Reading> readForApi(
      String key, TriggerScaler ts, MetricSpec spec, Duration timeout) {
    ObjectState st = state(key);
    if (st == null) {
      return CompletableFuture.completedFuture(removed(key, spec.metricName()));
    }
    if (ts.context().useCachedMetrics()) {
      Record r = st.records.get(spec.metricName());
      Context ctx = st.context;
      if (r != null && ctx != null) {
        ScaledObject so = ctx.latest().get();
        Duration fresh = pollingInterval(so);
        if (Instant.now(ctx.clock()).isBefore(r.at().plus(fresh))) {
          return CompletableFuture.completedFuture(r.reading());
        }
      }
    }
    Context ctx = st.context;
    return read(key, ts, spec, timeout, pollingInterval(ctx == null ? null : ctx.latest().get()));
  }

  /**
   * One trigger's readings as the scalingModifiers formula sees them: a trigger failing past the
   * threshold under {@code fallback.behavior: scalingModifiers} is nil.
   */
  CompositeMetric.Input compositeInput(
      String key, ScaledObjectSpec spec, TriggerScaler ts, List<Reading> readings) {
    String name = ts.context().triggerName();
    Double value = null;
    Double fallbackValue = null;
    String error = null;
    for (Reading r : readings) {
      if (r.error() != null) {
        error = r.error();
      } else if (!r.values().isEmpty() && value == null) {
        value = r.values().get(0).value().doubleValue();
        if (r.fallbackActive()) {
          fallbackValue = value;
        }
      }
    }
    if (spec.getFallback() != null && "scalingModifiers".equals(spec.getFallback().getBehavior())) {
      int threshold =
          java.util.Objects.requireNonNullElse(spec.getFallback().getFailureThreshold(), 0);
      for (Reading r : readings) {
        HealthStatus h = health(key).get(r.metricName());
        if (h != null
            && FallbackPolicy.FAILING.equals(h.getStatus())
            && java.util.Objects.requireNonNullElse(h.getNumberOfFailures(), 0) > threshold) {
          value = null;
          error = null;
        }
      }
    }
    return new CompositeMetric.Input(name, value, fallbackValue, error);
  }

  /** Runs {@code task} on the blocking pool (push announcements arrive on scaler threads). */
  void onBlocking(Runnable task) {
    try {
      blocking.execute(task);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.debug("closed, task dropped");
    }
  }

  @Override
  public void forget(String objectKey) {
    objects.remove(objectKey);
  }

  @Override
  public void close() {
    blocking.shutdownNow();
  }

  /**
   * The state of {@code key}, created when missing, null when the cache does not hold the object's
   * scalers (never built, or removed: such a read must not bring back state nobody would forget).
   * Created first and checked after: a removal that the check misses comes after the creation, so
   * its {@link #forget} drops what was created.
   */
  private ObjectState state(String key) {
    ObjectState st = objects.get(key);
    if (st != null) {
      return st;
    }
    if (!cache.holds(key)) {
      return null;
    }
    st = objects.computeIfAbsent(key, k -> new ObjectState());
    if (!cache.holds(key)) {
      objects.remove(key, st);
      return null;
    }
    return st;
  }

  private static Reading removed(String key, String metric) {
    return new Reading(
        metric,
        List.of(),
        false,
        false,
        "error getting metric " + metric + ": scalers of " + key + " were removed");
  }

  private CompletableFuture<ScalerResult> poll(
      String key,
      ObjectState st,
      TriggerScaler ts,
      String metric,
      Duration timeout,
      Duration rebuildSpacing) {
    Scaler scaler = ts.scaler().orElseThrow();
    CompletableFuture<ScalerResult> first = pollOnce(st, scaler, metric, timeout);
    if (rebuildSpacing == null) {
      return first;
    }
    return first
        .handle(
            (r, e) ->
                e == null
                    ? CompletableFuture.completedFuture(r)
                    : afterFailure(key, st, ts, metric, timeout, rebuildSpacing, e))
        .thenCompose(f -> f);
  }

  /**
   * The second chance of a failed poll ({@link RebuildRule}): join the trigger's rebuild in flight,
   * poll the scaler someone else already rebuilt, or rebuild it (one at a time per trigger, on the
   * blocking pool) and poll the new one.
   */
  private CompletableFuture<ScalerResult> afterFailure(
      String key,
      ObjectState st,
      TriggerScaler ts,
      String metric,
      Duration timeout,
      Duration rebuildSpacing,
      Throwable failure) {
    int index = ts.index();
    CompletableFuture<TriggerScaler> running = st.rebuilding.get(index);
    if (running != null) {
      return pollRebuilt(st, running, metric, timeout, failure);
    }
    List<TriggerScaler> held = cache.current(key);
    TriggerScaler now = index < held.size() ? held.get(index) : null;
    Context ctx = st.context;
    Instant at = Instant.now(ctx == null ? Clock.systemUTC() : ctx.clock());
    RebuildRule.Action action =
        RebuildRule.decide(
            now == ts,
            now != null && now.scaler().isPresent(),
            st.rebuiltAt.get(index),
            at,
            rebuildSpacing);
    switch (action) {
      case POLL_CURRENT:
        return pollOnce(st, now.scaler().get(), metric, timeout);
      case GIVE_UP:
        return CompletableFuture.failedFuture(failure);
      default:
        break;
    }
    CompletableFuture<TriggerScaler> mine = new CompletableFuture<>();
    CompletableFuture<TriggerScaler> other = st.rebuilding.putIfAbsent(index, mine);
    if (other != null) {
      return pollRebuilt(st, other, metric, timeout, failure);
    }
    st.rebuiltAt.put(index, at);
    st.rebuilds.incrementAndGet();
    LOG.debug("{}: trigger {} read failed, rebuilding its scaler", key, index);
    try {
      CompletableFuture.supplyAsync(() -> cache.rebuildIfCurrent(key, ts), blocking)
          .whenComplete(
              (fresh, e) -> {
                st.rebuilding.remove(index, mine);
                if (e != null) {
                  mine.completeExceptionally(e);
                } else {
                  mine.complete(fresh);
                }
              });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      st.rebuilding.remove(index, mine);
      mine.completeExceptionally(e);
    }
    return pollRebuilt(st, mine, metric, timeout, failure);
  }

  private CompletableFuture<ScalerResult> pollRebuilt(
      ObjectState st,
      CompletableFuture<TriggerScaler> rebuilt,
      String metric,
      Duration timeout,
      Throwable failure) {
    return rebuilt.thenCompose(
        fresh ->
            fresh.scaler().isPresent()
                ? pollOnce(st, fresh.scaler().get(), metric, timeout)
                : CompletableFuture.<ScalerResult>failedFuture(
                    new IllegalStateException(
                        fresh.error().orElse(message(failure, metric, timeout)))));
  }

  private static CompletableFuture<ScalerResult> pollOnce(
      ObjectState st, Scaler scaler, String metric, Duration timeout) {
    st.polls.incrementAndGet();
    try {
      return scaler
          .poll(metric)
          .toCompletableFuture()
          .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private CompletableFuture<Reading> finish(
      String key,
      ObjectState st,
      TriggerScaler ts,
      MetricSpec spec,
      ScalerResult result,
      Throwable error,
      long started) {
    String metric = spec.metricName();
    Duration latency = Duration.ofNanos(System.nanoTime() - started);
    KedaMetrics.Trigger label = label(ts, metric);
    if (!cache.holds(key)) {
      // forgotten while this read ran: no series, fallback (target reads) or record for it
      LOG.debug("{}: scalers removed while {} was read, nothing recorded", key, metric);
      return CompletableFuture.completedFuture(
          error == null
              ? new Reading(metric, result.values(), result.active(), false, null)
              : new Reading(metric, List.of(), false, false, message(error, metric, null)));
    }
    Context ctx = st.context;
    ScaledObject so = ctx == null ? null : ctx.latest().get();
    ScaledObjectSpec soSpec = so == null ? null : so.getSpec();
    if (error == null) {
      double value = result.values().isEmpty() ? 0 : result.values().get(0).value().doubleValue();
      cache.metricsWhileHeld(key).scalerRead(label, value, result.active(), latency);
      Reading ok = new Reading(metric, result.values(), result.active(), false, null);
      if (soSpec != null) {
        FallbackOutcome o = FallbackPolicy.apply(soSpec, readOf(spec, st, so, result, null));
        if (o.health() != null) {
          st.health.put(metric, o.health());
        }
      }
      return CompletableFuture.completedFuture(store(st, ts, ctx, ok));
    }
    String message = message(error, metric, null);
    cache.metricsWhileHeld(key).scalerError(label);
    if (soSpec == null || !FallbackPolicy.isEnabled(soSpec)) {
      return CompletableFuture.completedFuture(
          store(st, ts, ctx, new Reading(metric, List.of(), false, false, message)));
    }
    // the target's replicas / ready pods are blocking calls: never on the caller's event loop
    return CompletableFuture.supplyAsync(
        () -> {
          FallbackOutcome o =
              FallbackPolicy.apply(soSpec, withTarget(readOf(spec, st, so, null, message), ctx));
          if (o.health() != null) {
            st.health.put(metric, o.health());
          }
          Reading r =
              o.error() == null
                  ? new Reading(metric, o.values(), o.fallbackActive(), o.fallbackActive(), null)
                  : new Reading(metric, List.of(), false, false, o.error());
          if (o.fallbackActive()
              && o.health().getNumberOfFailures()
                  == java.util.Objects.requireNonNullElse(
                          soSpec.getFallback().getFailureThreshold(), 0)
                      + 1) {
            LOG.info(
                "{}: trigger {} failed {} times in a row, serving fallback for {}",
                key,
                ts.index(),
                o.health().getNumberOfFailures(),
                metric);
          }
          return store(st, ts, ctx, r);
        },
        blocking);
  }

  private static MetricRead readOf(
      MetricSpec spec, ObjectState st, ScaledObject so, ScalerResult result, String error) {
    HealthStatus previous = st.health.get(spec.metricName());
    if (previous == null && so.getStatus() != null && so.getStatus().getHealth() != null) {
      previous = so.getStatus().getHealth().get(spec.metricName());
    }
    return new MetricRead(
        spec.metricName(),
        spec.targetType(),
        spec.target(),
        previous,
        result == null ? List.of() : result.values(),
        error,
        null,
        null);
  }

  /** Adds what non-static behaviours and Value targets need; a failed read leaves them null. */
  private static MetricRead withTarget(MetricRead read, Context ctx) {
    String behavior =
        Optional.ofNullable(ctx.latest().get())
            .map(s -> s.getSpec().getFallback().getBehavior())
            .orElse(null);
    boolean needsCurrent = behavior != null && !"static".equals(behavior);
    boolean needsPods = read.targetType() == MetricTargetType.VALUE;
    Integer current = null;
    Integer ready = null;
    try {
      if (needsCurrent) {
        current = ctx.targets().specReplicas(ctx.target()).orElse(null);
      }
      if (needsPods) {
        ready = ctx.targets().readyPods(ctx.target());
      }
    } catch (KubeCallException | IllegalArgumentException e) {
      LOG.warn("{}: fallback could not read the target: {}", ctx.target().describe(), e.toString());
    }
    return new MetricRead(
        read.metricName(),
        read.targetType(),
        read.target(),
        read.previous(),
        read.values(),
        read.error(),
        current,
        ready);
  }

  private static Reading store(ObjectState st, TriggerScaler ts, Context ctx, Reading r) {
    if (ts.context().useCachedMetrics()) {
      Clock clock = ctx == null ? Clock.systemUTC() : ctx.clock();
      st.records.put(r.metricName(), new Record(r, Instant.now(clock)));
    }
    return r;
  }

  private static KedaMetrics.Trigger label(TriggerScaler ts, String metric) {
    var c = ts.context();
    return new KedaMetrics.Trigger(
        KedaMetrics.ResourceType.SCALED_OBJECT,
        c.namespace(),
        c.name(),
        ts.index(),
        c.triggerType(),
        c.triggerName().isEmpty() ? null : c.triggerName(),
        metric);
  }

  static Duration pollingInterval(ScaledObject so) {
    Integer i = so == null || so.getSpec() == null ? null : so.getSpec().getPollingInterval();
    return Duration.ofSeconds(
        i == null || i < 1 ? ScaledObjectReconciler.DEFAULT_POLLING_INTERVAL_SECONDS : i);
  }

  private static String message(Throwable e, String metric, Duration timeout) {
    Throwable cause = e;
    while ((cause instanceof CompletionException
            || cause instanceof java.util.concurrent.ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof TimeoutException) {
      return "error getting metric "
          + metric
          + ": timed out"
          + (timeout == null ? "" : " after " + timeout);
    }
    String m = cause.getMessage();
    if (m != null && m.startsWith("error getting metric ")) {
      return m;
    }
    return "error getting metric "
        + metric
        + ": "
        + (m == null ? cause.getClass().getSimpleName() : m);
  }
}
