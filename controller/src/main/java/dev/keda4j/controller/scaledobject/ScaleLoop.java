package dev.keda4j.controller.scaledobject;

import dev.keda4j.api.v1alpha1.Condition;
import dev.keda4j.api.v1alpha1.HealthStatus;
import dev.keda4j.api.v1alpha1.KedaValidation;
import dev.keda4j.api.v1alpha1.ScaledObject;
import dev.keda4j.api.v1alpha1.ScaledObjectSpec;
import dev.keda4j.api.v1alpha1.ScaledObjectStatus;
import dev.keda4j.api.v1alpha1.TriggerActivityStatus;
import dev.keda4j.controller.k8s.KubeCallException;
import dev.keda4j.controller.metrics.KedaMetrics;
import dev.keda4j.controller.scaledobject.activation.ActivationPolicy;
import dev.keda4j.controller.scaledobject.activation.PollSummary;
import dev.keda4j.controller.scaledobject.activation.PollSummary.TriggerReading;
import dev.keda4j.controller.scaledobject.activation.ScaleDecision;
import dev.keda4j.controller.scaledobject.activation.ScaleDecision.ScaleCommand;
import dev.keda4j.controller.scaledobject.activation.ScaleInput;
import dev.keda4j.controller.scaledobject.activation.ScaleInput.CurrentReplicas;
import dev.keda4j.controller.scaledobject.activation.ScaleInputs;
import dev.keda4j.controller.scaledobject.fallback.FallbackPolicy;
import dev.keda4j.controller.scaledobject.modifiers.CompositeMetric;
import dev.keda4j.controller.scaledobject.status.Conditions;
import dev.keda4j.controller.scaledobject.status.ScaledObjectEvents;
import dev.keda4j.controller.scaledobject.status.ScaledObjectReasons;
import dev.keda4j.controller.scaledobject.status.SoEvent;
import dev.keda4j.controller.scaling.TriggerScaler;
import dev.keda4j.scalers.spi.MetricSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tick of a ScaledObject's scale loop (scaledobject.md §5): poll every trigger in parallel
 * through {@link MetricReads} (one rebuild on error, fallback applied), let {@link
 * ActivationPolicy} decide, apply its {@code /scale} command and write the status it asks for
 * (conditions, lastActiveTime, triggersActivity, health and the Fallback condition). A failed read
 * is an error, never a zero. Push scalers' announcements ({@link #pushed}) activate at once.
 *
 * <p>A tick that runs on after its ScaledObject was forgotten (the reconciler's {@code forget}
 * removed the scalers; scaledobject.md §12) acts on nothing: it records no {@code keda_*} series
 * (every recording goes through {@link
 * dev.keda4j.controller.scaling.ScalerCache#metricsWhileHeld}), and once its reads are done it
 * scales nothing and writes no status or event. What remains: a removal landing between that last
 * check and the {@code /scale} or status write lets that one write through, as it would had the
 * tick started a moment earlier.
 */
final class ScaleLoop {
  private static final Logger LOG = LoggerFactory.getLogger(ScaleLoop.class);

  private final String key;
  private final Supplier<ScaledObject> latest;
  private final ScaleTargetClient.Target target;
  private final List<String> externalMetricNames;
  private final ScaledObjectServices services;

  /** Trigger reads of one poll in flight at once. */
  static final int MAX_PARALLEL_READS = 8;

  private static final long WAIT_SLACK_MILLIS = 5_000;

  private final MetricReads reads;

  /** The last lastActiveTime this loop wrote: the informer may not have seen it yet. */
  private Instant lastActiveWritten;

  /** When the previous tick ended (System.nanoTime), 0 before the first. */
  private volatile long lastTickEndNanos;

  /**
   * @param key {@code ScaledObject ns/name}
   * @param latest the ScaledObject as the informer holds it now (null when gone)
   * @param target the resolved scale target
   * @param externalMetricNames the names the HPA was built with
   */
  ScaleLoop(
      String key,
      Supplier<ScaledObject> latest,
      ScaleTargetClient.Target target,
      List<String> externalMetricNames,
      ScaledObjectServices services) {
    this.key = key;
    this.latest = latest;
    this.target = target;
    this.externalMetricNames = List.copyOf(externalMetricNames);
    this.services = services;
    this.reads = MetricReads.of(services.scalers());
    reads.attach(
        key, new MetricReads.Context(latest, target, services.targets(), services.clock()));
    services
        .scalers()
        .listenForPush(key, (index, active) -> reads.onBlocking(() -> pushed(index, active)));
  }

  /** False until the first tick has ended: the reconciler's handed-over status waits for it. */
  private volatile boolean ticked;

  /** Whether this loop's first tick is still to come (or running). */
  boolean firstTickPending() {
    return !ticked;
  }

  void tick() {
    try {
      pollOnce();
    } finally {
      if (!ticked) {
        ticked = true;
        // the first tick normally took the reconciler's status along; when it wrote nothing
        // (object gone, scalers not built, an error) that status goes out alone now
        SoStatusWriter.flushPending(key.substring(key.indexOf(' ') + 1));
      }
    }
  }

  private void pollOnce() {
    long startedNanos = System.nanoTime();
    ScaledObject so = latest.get();
    if (so == null || so.getMetadata().getDeletionTimestamp() != null) {
      return;
    }
    String ns = so.getMetadata().getNamespace();
    String name = so.getMetadata().getName();
    recordLateness(so, ns, name, startedNanos);
    try {
      List<TriggerScaler> scalers = services.scalers().current(key);
      if (!services.scalers().holds(key)) {
        LOG.debug("{}: scalers removed (forgotten), tick skipped", key);
        return;
      }
      if (scalers.isEmpty() || scalers.stream().anyMatch(s -> s.error().isPresent())) {
        // KEDA aborts the whole poll on a build failure: nothing decided, nothing written
        LOG.warn("{}: scalers not built, poll skipped", key);
        metrics().objectError(KedaMetrics.ResourceType.SCALED_OBJECT, ns, name);
        return;
      }
      List<CompositeMetric.Input> composite = new ArrayList<>();
      List<TriggerReading> readings = readAll(so, scalers, composite);
      if (readings == null) {
        // forgotten while the triggers were read: a read of removed scalers is no truth to scale
        // the target, write status or emit events from
        LOG.info("{}: scalers removed while polling, tick abandoned", key);
        return;
      }
      PollSummary poll = PollSummary.of(readings);
      if (KedaValidation.isUsingModifiers(so.getSpec())) {
        CompositeMetric.Result c = CompositeMetric.evaluate(so.getSpec(), composite);
        if (c.error() != null && !poll.error()) {
          LOG.warn("{}: composite metric: {}", key, c.error());
        }
        poll = PollSummary.withModifiers(readings, c.active());
      }
      if (poll.error()) {
        metrics().objectError(KedaMetrics.ResourceType.SCALED_OBJECT, ns, name);
      }
      synchronized (this) {
        if (!services.scalers().holds(key)) {
          LOG.info("{}: scalers removed while polling, tick abandoned", key);
          return;
        }
        ScaledObject fresh = latest.get();
        decideAndApply(fresh == null ? so : fresh, poll, null);
      }
    } finally {
      lastTickEndNanos = System.nanoTime();
    }
  }

  /**
   * A push scaler announced activity (scaledobject.md §13): {@code true} activates at once, as a
   * poll that found only that trigger active would; {@code false} is left to the next poll.
   */
  void pushed(int triggerIndex, boolean active) {
    if (!active) {
      return;
    }
    synchronized (this) {
      ScaledObject so = latest.get();
      if (so == null
          || so.getMetadata().getDeletionTimestamp() != null
          || !services.scalers().holds(key)) {
        return;
      }
      String prefix = "s" + triggerIndex + "-";
      String metric =
          externalMetricNames.stream().filter(n -> n.startsWith(prefix)).findFirst().orElse(null);
      LOG.info("{}: trigger {} pushed active", key, triggerIndex);
      PollSummary poll =
          new PollSummary(true, false, metric == null ? List.of() : List.of(metric), false);
      decideAndApply(so, poll, metric);
    }
  }

  private void decideAndApply(ScaledObject so, PollSummary poll, String pushedMetric) {
    CurrentReplicas current = currentReplicas();
    ScaleInput in = withKnownStatus(ScaleInputs.from(so, current, poll));
    Instant now = Instant.now(services.clock());
    ScaleDecision decision = ActivationPolicy.decide(in, now);
    Instant lastActive = decision.lastActiveTime();
    if (decision.scale().isPresent()) {
      ScaleCommand cmd = decision.scale().get();
      if (apply(so, cmd) && cmd.lastActiveTimeOnSuccess() != null) {
        lastActive = cmd.lastActiveTimeOnSuccess();
      }
    }
    writeStatus(so, decision, lastActive, poll, pushedMetric);
  }

  /** Records only while this object's scalers are held: never a series of a forgotten object. */
  private KedaMetrics metrics() {
    return services.scalers().metricsWhileHeld(key);
  }

  /** {@code keda_internal_scale_loop_latency_seconds}: how late this tick started. */
  private void recordLateness(ScaledObject so, String ns, String name, long startedNanos) {
    if (lastTickEndNanos == 0) {
      return;
    }
    long planned = lastTickEndNanos + MetricReads.pollingInterval(so).toNanos();
    Duration late = Duration.ofNanos(Math.max(0, startedNanos - planned));
    metrics().scaleLoopLatency(KedaMetrics.ResourceType.SCALED_OBJECT, ns, name, late);
  }

  /** The loop knows the HPA's metric names and target kind even before the informer does. */
  private ScaleInput withKnownStatus(ScaleInput in) {
    return new ScaleInput(
        in.spec(),
        in.annotations(),
        new ScaleInput.TargetRef(target.kindString(), target.namespace(), target.name()),
        in.currentReplicas(),
        latestOf(in.lastActiveTime(), lastActiveWritten),
        in.creationTimestamp(),
        in.poll(),
        externalMetricNames);
  }

  private static Instant latestOf(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  private CurrentReplicas currentReplicas() {
    try {
      Optional<Integer> replicas = services.targets().specReplicas(target);
      return replicas
          .map(CurrentReplicas::of)
          .orElseGet(
              () ->
                  CurrentReplicas.failed(
                      target.gvkr().getKind()
                          + " "
                          + target.namespace()
                          + "/"
                          + target.name()
                          + " not found"));
    } catch (KubeCallException | IllegalArgumentException e) {
      return CurrentReplicas.failed(e.getMessage());
    }
  }

  /**
   * Reads every external metric of every trigger in parallel (at most {@link #MAX_PARALLEL_READS}
   * at once), each with one rebuild on error and fallback applied ({@link MetricReads}); null when
   * the object's scalers were removed by the time every read was done (nothing logged or emitted).
   */
  private List<TriggerReading> readAll(
      ScaledObject so, List<TriggerScaler> scalers, List<CompositeMetric.Input> composite) {
    Duration timeout = services.pollTimeout();
    Semaphore permits = new Semaphore(MAX_PARALLEL_READS);
    Map<TriggerScaler, List<CompletableFuture<MetricReads.Reading>>> started =
        new LinkedHashMap<>();
    for (TriggerScaler ts : scalers) {
      List<CompletableFuture<MetricReads.Reading>> futures = new ArrayList<>();
      for (MetricSpec spec : ts.scaler().orElseThrow().metricSpecs()) {
        if (spec.sourceType() != MetricSpec.SourceType.EXTERNAL) {
          continue;
        }
        permits.acquireUninterruptibly();
        CompletableFuture<MetricReads.Reading> f;
        try {
          f = reads.read(key, ts, spec, timeout, true);
        } catch (RuntimeException e) {
          permits.release();
          throw e;
        }
        f.whenComplete((r, e) -> permits.release());
        futures.add(f);
      }
      started.put(ts, futures);
    }
    // a poll, a rebuild and a second poll, plus slack for the fallback's target read
    long waitMillis = timeout.toMillis() * 3 + WAIT_SLACK_MILLIS;
    Map<TriggerScaler, List<MetricReads.Reading>> done = new LinkedHashMap<>();
    for (Map.Entry<TriggerScaler, List<CompletableFuture<MetricReads.Reading>>> e :
        started.entrySet()) {
      List<MetricReads.Reading> got = new ArrayList<>();
      for (CompletableFuture<MetricReads.Reading> f : e.getValue()) {
        got.add(await(f, waitMillis));
      }
      done.put(e.getKey(), got);
    }
    if (!services.scalers().holds(key)) {
      return null;
    }
    List<TriggerReading> readings = new ArrayList<>();
    for (Map.Entry<TriggerScaler, List<MetricReads.Reading>> e : done.entrySet()) {
      TriggerScaler ts = e.getKey();
      List<String> names = new ArrayList<>();
      boolean active = false;
      boolean fallback = false;
      String error = null;
      List<MetricReads.Reading> got = e.getValue();
      for (MetricReads.Reading r : got) {
        names.add(r.metricName());
        if (r.error() != null) {
          error = r.error();
          LOG.warn("{}: trigger {} ({}) failed: {}", key, ts.index(), ts.triggerType(), error);
          services.events().warning(so, "KEDAScalerFailed", error);
        } else {
          active |= r.active();
          fallback |= r.fallbackActive();
        }
      }
      readings.add(
          new TriggerReading(ts.triggerType(), names, active && error == null, fallback, error));
      if (!names.isEmpty()) {
        composite.add(reads.compositeInput(key, so.getSpec(), ts, got));
      }
    }
    return readings;
  }

  private static MetricReads.Reading await(
      CompletableFuture<MetricReads.Reading> f, long waitMillis) {
    try {
      return f.get(waitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new MetricReads.Reading("", List.of(), false, false, "interrupted");
    } catch (ExecutionException | TimeoutException e) {
      return new MetricReads.Reading("", List.of(), false, false, "read failed: " + e);
    }
  }

  private boolean apply(ScaledObject so, ScaleCommand cmd) {
    try {
      services.targets().setReplicas(target, cmd.to());
      LOG.info(
          "{}: scaled {} {} from {} to {}",
          key,
          target.gvkr().getKind(),
          target.name(),
          cmd.from(),
          cmd.to());
      emit(so, cmd.onSuccess());
      return true;
    } catch (KubeCallException e) {
      LOG.warn("{}: scaling {} to {} failed: {}", key, target.name(), cmd.to(), e.getMessage());
      emit(so, cmd.onFailure());
      return false;
    }
  }

  private void emit(ScaledObject so, SoEvent event) {
    if (event != null) {
      services.events().record(so, event.type(), event.reason(), event.message());
    }
  }

  private void writeStatus(
      ScaledObject so,
      ScaleDecision decision,
      Instant lastActive,
      PollSummary poll,
      String pushedMetric) {
    ScaledObjectStatus desired = SoStatusWriter.copy(so);
    List<Condition> conditions =
        Conditions.apply(Conditions.withInitial(desired.getConditions()), decision.conditions());
    ScaledObjectSpec spec = so.getSpec();
    if (pushedMetric == null && spec.getFallback() != null) {
      Map<String, HealthStatus> health = new LinkedHashMap<>();
      if (desired.getHealth() != null) {
        health.putAll(desired.getHealth());
      }
      health.putAll(reads.health(key));
      if (FallbackPolicy.isEnabled(spec)) {
        desired.health(health.isEmpty() ? null : health);
      }
      boolean wasActive = Conditions.isTrue(conditions, ScaledObjectReasons.FALLBACK);
      if (poll.fallbackActive() && !wasActive) {
        emit(so, ScaledObjectEvents.fallbackActivated());
      } else if (!poll.fallbackActive() && wasActive) {
        emit(so, ScaledObjectEvents.fallbackDeactivated());
      }
      conditions =
          Conditions.apply(
              conditions, List.of(FallbackPolicy.condition(spec, desired.getHealth())));
    }
    desired.conditions(conditions);
    if (lastActive != null) {
      desired.lastActiveTime(
          OffsetDateTime.ofInstant(lastActive, ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
    }
    Map<String, TriggerActivityStatus> activity = new LinkedHashMap<>();
    if (pushedMetric != null) {
      // a push updates only its own trigger's activity
      if (desired.getTriggersActivity() != null) {
        activity.putAll(desired.getTriggersActivity());
      }
      activity.put(pushedMetric, new TriggerActivityStatus().isActive(true));
    } else {
      decision
          .triggersActivity()
          .forEach(
              (name, active) -> activity.put(name, new TriggerActivityStatus().isActive(active)));
    }
    desired.triggersActivity(activity.isEmpty() ? null : activity);
    try {
      SoStatusWriter.write(services.patcher(), so, desired);
      if (desired.getLastActiveTime() != null) {
        lastActiveWritten = desired.getLastActiveTime().toInstant();
      }
    } catch (KubeCallException e) {
      LOG.warn("{}: status not written: {}", key, e.getMessage());
    }
  }
}
