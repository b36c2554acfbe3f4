package dev.keda4j.controller.scaledobject;

import dev.keda4j.api.v1alpha1.ScaledObject;
import dev.keda4j.api.v1alpha1.ScaledObjectStatus;
import dev.keda4j.api.v1alpha1.TriggerActivityStatus;
import dev.keda4j.controller.k8s.KubeCallException;
import dev.keda4j.controller.scaledobject.activation.ActivationPolicy;
import dev.keda4j.controller.scaledobject.activation.PollSummary;
import dev.keda4j.controller.scaledobject.activation.PollSummary.TriggerReading;
import dev.keda4j.controller.scaledobject.activation.ScaleDecision;
import dev.keda4j.controller.scaledobject.activation.ScaleDecision.ScaleCommand;
import dev.keda4j.controller.scaledobject.activation.ScaleInput;
import dev.keda4j.controller.scaledobject.activation.ScaleInput.CurrentReplicas;
import dev.keda4j.controller.scaledobject.activation.ScaleInputs;
import dev.keda4j.controller.scaledobject.status.Conditions;
import dev.keda4j.controller.scaledobject.status.SoEvent;
import dev.keda4j.controller.scaling.TriggerScaler;
import dev.keda4j.scalers.spi.MetricSpec;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerResult;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tick of a ScaledObject's scale loop (scaledobject.md §5): poll every trigger, let {@link
 * ActivationPolicy} decide, apply its {@code /scale} command and write the status it asks for. A
 * failed read is an error, never a zero.
 */
final class ScaleLoop {
  private static final Logger LOG = LoggerFactory.getLogger(ScaleLoop.class);

  private final String key;
  private final Supplier<ScaledObject> latest;
  private final ScaleTargetClient.Target target;
  private final List<String> externalMetricNames;
  private final ScaledObjectServices services;

  /** The last lastActiveTime this loop wrote: the informer may not have seen it yet. */
  private Instant lastActiveWritten;

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
  }

  void tick() {
    ScaledObject so = latest.get();
    if (so == null || so.getMetadata().getDeletionTimestamp() != null) {
      return;
    }
    List<TriggerScaler> scalers = services.scalers().current(key);
    if (scalers.isEmpty() || scalers.stream().anyMatch(s -> s.error().isPresent())) {
      // KEDA aborts the whole poll on a build failure: nothing decided, nothing written
      LOG.warn("{}: scalers not built, poll skipped", key);
      return;
    }
    PollSummary poll = PollSummary.of(readAll(so, scalers));
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
    writeStatus(so, decision, lastActive);
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
    } catch (KubeCallException e) {
      return CurrentReplicas.failed(e.getMessage());
    }
  }

  private List<TriggerReading> readAll(ScaledObject so, List<TriggerScaler> scalers) {
    List<TriggerReading> readings = new ArrayList<>();
    for (TriggerScaler ts : scalers) {
      Scaler scaler = ts.scaler().orElseThrow();
      List<String> names = new ArrayList<>();
      boolean active = false;
      String error = null;
      for (MetricSpec spec : scaler.metricSpecs()) {
        if (spec.sourceType() != MetricSpec.SourceType.EXTERNAL) {
          continue;
        }
        names.add(spec.metricName());
        try {
          active |= readWithOneRebuild(ts, scaler, spec.metricName()).active();
        } catch (ReadFailure e) {
          error = e.getMessage();
          LOG.warn("{}: trigger {} ({}) failed: {}", key, ts.index(), ts.triggerType(), error);
          services.events().warning(so, "KEDAScalerFailed", error);
        }
      }
      readings.add(new TriggerReading(ts.triggerType(), names, active, false, error));
    }
    return readings;
  }

  private ScalerResult readWithOneRebuild(TriggerScaler ts, Scaler scaler, String metric)
      throws ReadFailure {
    try {
      return read(scaler, metric);
    } catch (ReadFailure first) {
      TriggerScaler fresh = services.scalers().rebuild(key, ts.index());
      if (fresh.scaler().isEmpty()) {
        throw new ReadFailure(fresh.error().orElse(first.getMessage()));
      }
      return read(fresh.scaler().get(), metric);
    }
  }

  private ScalerResult read(Scaler scaler, String metric) throws ReadFailure {
    long timeout = services.pollTimeout().toMillis();
    try {
      return scaler.poll(metric).toCompletableFuture().get(timeout, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new ReadFailure("error getting metric " + metric + ": " + cause.getMessage());
    } catch (TimeoutException e) {
      throw new ReadFailure(
          "error getting metric " + metric + ": timed out after " + services.pollTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReadFailure("error getting metric " + metric + ": interrupted");
    } catch (RuntimeException e) {
      throw new ReadFailure("error getting metric " + metric + ": " + e.getMessage());
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

  private void writeStatus(ScaledObject so, ScaleDecision decision, Instant lastActive) {
    ScaledObjectStatus desired = SoStatusWriter.copy(so);
    desired.conditions(
        Conditions.apply(Conditions.withInitial(desired.getConditions()), decision.conditions()));
    if (lastActive != null) {
      desired.lastActiveTime(
          OffsetDateTime.ofInstant(lastActive, ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
    }
    Map<String, TriggerActivityStatus> activity = new LinkedHashMap<>();
    decision
        .triggersActivity()
        .forEach(
            (name, active) -> activity.put(name, new TriggerActivityStatus().isActive(active)));
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

  private static final class ReadFailure extends Exception {
    private static final long serialVersionUID = 1L;

    ReadFailure(String message) {
      super(message);
    }
  }
}
