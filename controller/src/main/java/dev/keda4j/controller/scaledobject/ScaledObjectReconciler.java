package dev.keda4j.controller.scaledobject;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.keda4j.api.v1alpha1.Condition;
import dev.keda4j.api.v1alpha1.KedaApi;
import dev.keda4j.api.v1alpha1.KedaValidation;
import dev.keda4j.api.v1alpha1.ScaledObject;
import dev.keda4j.api.v1alpha1.ScaledObjectStatus;
import dev.keda4j.api.v1alpha1.SpecError;
import dev.keda4j.api.v1alpha1.TriggerSummary;
import dev.keda4j.controller.k8s.KubeCallException;
import dev.keda4j.controller.k8s.KubeObjectLookup;
import dev.keda4j.controller.k8s.TriggerAuthStatus;
import dev.keda4j.controller.metrics.KedaMetrics;
import dev.keda4j.controller.scaledobject.activation.Annotations;
import dev.keda4j.controller.scaledobject.activation.PausePolicy;
import dev.keda4j.controller.scaledobject.activation.PausePolicy.PauseDecision;
import dev.keda4j.controller.scaledobject.hpa.DesiredHpa;
import dev.keda4j.controller.scaledobject.hpa.HpaBuildException;
import dev.keda4j.controller.scaledobject.hpa.HpaDiff;
import dev.keda4j.controller.scaledobject.hpa.HpaFactory;
import dev.keda4j.controller.scaledobject.hpa.HpaOwnership;
import dev.keda4j.controller.scaledobject.status.Conditions;
import dev.keda4j.controller.scaledobject.status.ScaledObjectEvents;
import dev.keda4j.controller.scaledobject.status.ScaledObjectReasons;
import dev.keda4j.controller.scaledobject.status.SoEvent;
import dev.keda4j.controller.scaling.PollScheduler;
import dev.keda4j.controller.scaling.TriggerScaler;
import dev.keda4j.scalers.spi.MetricSpec;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AutoscalingV2Api;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles one ScaledObject (scaledobject.md §2): finalizer, validation, target, scalers, HPA,
 * status, and (re)starting its {@link ScaleLoop} on the shared scheduler. Decisions are the pure
 * core's; this class does the calls.
 */
public final class ScaledObjectReconciler {
  private static final Logger LOG = LoggerFactory.getLogger(ScaledObjectReconciler.class);
  private static final int NOT_FOUND = 404;

  /** Step message of a bad {@code paused-replicas} value (the detail names the annotation). */
  static final String MSG_PAUSE_FAILED = "failed to read the pause annotations of ScaledObject";

  /** KEDA's default pollingInterval. */
  public static final int DEFAULT_POLLING_INTERVAL_SECONDS = 30;

  /** How long the reconciler's status may wait for the loop's first write to join it. */
  static final Duration COALESCE_WITHIN = Duration.ofSeconds(2);

  /** The longest the reconciler's status waits for a queued but late first tick. */
  static final Duration COALESCE_AT_MOST = Duration.ofSeconds(30);

  private final ScaledObjectServices services;
  private final PollScheduler scheduler;
  private final AutoscalingV2Api autoscaling;
  private final Function<String, ScaledObject> cached;
  private final Listers listers;
  private final TriggerAuthStatus authStatus;
  private final Map<String, Long> loopGenerations = new ConcurrentHashMap<>();
  private final Map<String, String> pauseGuards = new ConcurrentHashMap<>();

  /** The status the running reconcile read (what its writes are a change against). */
  private final ThreadLocal<ScaledObjectStatus> readStatus = new ThreadLocal<>();

  /** What the reconciler reads from informers instead of LIST calls. */
  public interface Listers {
    /** No other objects known (tests of a single object). */
    Listers NONE =
        new Listers() {
          @Override
          public List<ScaledObject> scaledObjects(String namespace) {
            return List.of();
          }

          @Override
          public List<V2HorizontalPodAutoscaler> hpas(String namespace) {
            return List.of();
          }
        };

    /** The ScaledObjects of {@code namespace}. */
    List<ScaledObject> scaledObjects(String namespace);

    /** The HPAs of {@code namespace}. */
    List<V2HorizontalPodAutoscaler> hpas(String namespace);
  }

  /**
   * @param cached the informer's current ScaledObject by {@code ns/name} (the loop reads it)
   */
  public ScaledObjectReconciler(
      ScaledObjectServices services,
      PollScheduler scheduler,
      Function<String, ScaledObject> cached) {
    this(services, scheduler, cached, Listers.NONE);
  }

  /**
   * @param cached the informer's current ScaledObject by {@code ns/name} (the loop reads it)
   * @param listers the informers' ScaledObjects and HPAs, for the conflict check
   */
  public ScaledObjectReconciler(
      ScaledObjectServices services,
      PollScheduler scheduler,
      Function<String, ScaledObject> cached,
      Listers listers) {
    this.services = services;
    this.scheduler = scheduler;
    this.autoscaling = new AutoscalingV2Api(services.client());
    this.cached = cached;
    this.listers = listers;
    this.authStatus =
        new TriggerAuthStatus(new KubeObjectLookup(services.client()), services.patcher());
  }

  /** {@code ScaledObject ns/name}, as every log line names it. */
  static String key(ScaledObject so) {
    return "ScaledObject " + so.getMetadata().getNamespace() + "/" + so.getMetadata().getName();
  }

  /**
   * Reconciles {@code so}.
   *
   * @return true when done, false when it should be retried later
   */
  public boolean reconcile(ScaledObject so) {
    if (so.getKind() == null) {
      so.kind(KedaApi.SCALED_OBJECT).apiVersion(KedaApi.API_VERSION);
    }
    String key = key(so);
    if (so.getMetadata().getDeletionTimestamp() != null) {
      return finalizeDeletion(so, key);
    }
    try {
      ensureFinalizer(so);
      return reconcileLive(so, key);
    } catch (KubeCallException e) {
      services
          .metrics()
          .objectError(
              KedaMetrics.ResourceType.SCALED_OBJECT,
              so.getMetadata().getNamespace(),
              so.getMetadata().getName());
      LOG.warn("{}: reconcile failed: {}", key, e.getMessage());
      services.events().warning(so, "ScaledObjectUpdateFailed", e.getMessage());
      return false;
    } finally {
      readStatus.remove();
    }
  }

  /**
   * Stops the loop, closes the scalers and drops the metric series of a ScaledObject that is gone
   * (the informer's delete notification: the only cleanup of an object without a finalizer).
   */
  public void forget(String key) {
    scheduler.cancel(key);
    cancelPauseGuard(key);
    loopGenerations.remove(key);
    services.scalers().remove(key);
    String nsName = key.substring(key.indexOf(' ') + 1);
    SoStatusWriter.forget(nsName);
    int slash = nsName.indexOf('/');
    if (slash > 0) {
      // gone: its error counter, paused gauge and loop-latency series go too, not only per trigger
      services
          .metrics()
          .deleted(
              KedaMetrics.ResourceType.SCALED_OBJECT,
              nsName.substring(0, slash),
              nsName.substring(slash + 1));
    }
  }

  private boolean reconcileLive(ScaledObject so, String key) {
    // the freshest status known (the informer may not have seen the last writes yet): events on
    // transitions are decided against it, and only what this reconcile changes is written
    ScaledObjectStatus read = SoStatusWriter.current(so);
    readStatus.set(read);
    List<Condition> conditions = Conditions.withInitial(read.getConditions());
    ScaledObjectStatus desired = copyOf(read);
    Annotations annotations = Annotations.of(so.getMetadata().getAnnotations());
    services
        .metrics()
        .paused(
            so.getMetadata().getNamespace(), so.getMetadata().getName(), annotations.anyPause());
    if (annotations.fullyPaused()) {
      return reconcilePaused(so, key, desired, conditions, annotations);
    }
    cancelPauseGuard(key);
    if (annotations.pausedScaleIn() || annotations.pausedScaleOut()) {
      // directional pause: the HPA gets selectPolicy Disabled that way, the loop keeps running
      conditions = Conditions.apply(conditions, List.of(ScaledObjectReasons.paused()));
    } else if (Conditions.isTrue(conditions, ScaledObjectReasons.PAUSED)) {
      emit(so, ScaledObjectEvents.unpaused());
      conditions = Conditions.apply(conditions, List.of(ScaledObjectReasons.unpaused()));
    }
    // no full pause: a pausedReplicaCount left over is stale (§3.1)
    desired.pausedReplicaCount(null);
    Optional<ObservedTarget> observed = observeTarget(so, key, desired, conditions);
    if (observed.isEmpty()) {
      return false;
    }
    ScaleTargetClient.Target target = observed.get().target();
    int replicas = observed.get().replicas();
    desired.scaleTargetKind(target.kindString()).scaleTargetGVKR(target.gvkr());
    if (desired.getOriginalReplicaCount() == null) {
      desired.originalReplicaCount(replicas);
    }
    List<SpecError> bounds = new ArrayList<>(KedaValidation.checkReplicaCountBounds(so.getSpec()));
    bounds.addAll(KedaValidation.checkScaledObjectNames(so.getMetadata().getName(), so.getSpec()));
    if (!bounds.isEmpty()) {
      return fail(
          so,
          key,
          desired,
          conditions,
          ScaledObjectReasons.MSG_BAD_REPLICA_COUNTS,
          describe(bounds));
    }
    List<SpecError> triggers =
        new ArrayList<>(KedaValidation.validateTriggers(so.getSpec().getTriggers()));
    triggers.addAll(KedaValidation.checkFallback(so.getSpec()));
    if (!triggers.isEmpty()) {
      return fail(
          so, key, desired, conditions, ScaledObjectReasons.MSG_BAD_TRIGGERS, describe(triggers));
    }
    desired
        .triggersTypes(TriggerSummary.triggersTypes(so.getSpec().getTriggers()))
        .authenticationsTypes(TriggerSummary.authenticationsTypes(so.getSpec().getTriggers()));
    return reconcileHpaAndLoop(so, key, target, desired, conditions);
  }

  /**
   * Full pause (scaledobject.md §8), applied on every reconcile: the scale loop stops, the owned
   * HPA is deleted, {@code paused-replicas} puts the target at that count (and a light guard on the
   * scheduler puts it back there if someone moves it), {@code status.pausedReplicaCount} holds the
   * value. Ready stays True with "ScaledObject is paused". A bad {@code paused-replicas} value is
   * Ready=False naming the annotation; nothing is scaled and the HPA is left as it is.
   */
  private boolean reconcilePaused(
      ScaledObject so,
      String key,
      ScaledObjectStatus desired,
      List<Condition> read,
      Annotations annotations) {
    List<Condition> conditions = read;
    ScaleTargetClient.Target target = null;
    Integer current = null;
    // first, whatever follows: a running loop would scale or write Ready=True over an error
    stopLoop(so, key);
    if (annotations.pausedReplicas() != null) {
      try {
        PausePolicy.decide(annotations, null);
      } catch (IllegalArgumentException e) {
        cancelPauseGuard(key);
        fail(so, key, desired, conditions, MSG_PAUSE_FAILED, e.getMessage());
        // a new annotation value requeues the object; retrying the same value cannot help
        return true;
      }
      Optional<ObservedTarget> observed = observeTarget(so, key, desired, conditions);
      if (observed.isEmpty()) {
        cancelPauseGuard(key);
        return false;
      }
      target = observed.get().target();
      current = observed.get().replicas();
    }
    PauseDecision d = PausePolicy.decide(annotations, current);
    deleteOwnedHpas(so, key);
    if (d.scaleTo() != null && target != null) {
      services.targets().setReplicas(target, d.scaleTo());
      LOG.info(
          "{}: paused, {} {} scaled from {} to {}",
          key,
          target.kindString(),
          target.name(),
          current,
          d.scaleTo());
    }
    if (d.pausedReplicaCount() != null && target != null) {
      startPauseGuard(so, key, target, d.pausedReplicaCount());
    } else {
      cancelPauseGuard(key);
    }
    if (!Conditions.isTrue(conditions, ScaledObjectReasons.PAUSED)) {
      emit(so, ScaledObjectEvents.paused());
      LOG.info("{}: paused, scale loop stopped", key);
    }
    conditions =
        Conditions.apply(
            conditions,
            List.of(
                ScaledObjectReasons.ready(ScaledObjectReasons.PAUSED_MESSAGE),
                ScaledObjectReasons.paused()));
    desired.pausedReplicaCount(d.pausedReplicaCount());
    writeStatus(so, key, desired.conditions(conditions));
    return true;
  }

  /** The scale target and its spec replicas. */
  private record ObservedTarget(ScaleTargetClient.Target target, int replicas) {}

  /**
   * Resolves {@code spec.scaleTargetRef} and reads its replicas through {@code /scale}. Any problem
   * (no name, unknown kind, no {@code /scale}, target missing) fails the object with Ready=False
   * naming the field, and the answer is empty.
   */
  private Optional<ObservedTarget> observeTarget(
      ScaledObject so, String key, ScaledObjectStatus desired, List<Condition> conditions) {
    if (so.getSpec() == null
        || so.getSpec().getScaleTargetRef() == null
        || isEmpty(so.getSpec().getScaleTargetRef().getName())) {
      fail(
          so,
          key,
          desired,
          conditions,
          ScaledObjectReasons.MSG_BAD_TARGET,
          "ScaledObject.spec.scaleTargetRef.name is missing");
      return Optional.empty();
    }
    ScaleTargetClient.Target target;
    Optional<Integer> replicas;
    try {
      target =
          services
              .targets()
              .resolveTarget(so.getSpec().getScaleTargetRef(), so.getMetadata().getNamespace());
      replicas = services.targets().specReplicas(target);
    } catch (TargetNotScalableException e) {
      emit(so, ScaledObjectEvents.targetNotScalable());
      fail(
          so,
          key,
          desired,
          conditions,
          ScaledObjectReasons.MSG_BAD_TARGET,
          "spec.scaleTargetRef: " + e.getMessage());
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      fail(
          so,
          key,
          desired,
          conditions,
          ScaledObjectReasons.MSG_BAD_TARGET,
          "spec.scaleTargetRef: " + e.getMessage());
      return Optional.empty();
    }
    if (replicas.isEmpty()) {
      emit(so, ScaledObjectEvents.targetMissing());
      fail(
          so,
          key,
          desired,
          conditions,
          ScaledObjectReasons.MSG_BAD_TARGET,
          "spec.scaleTargetRef: "
              + target.gvkr().getKind()
              + " "
              + target.namespace()
              + "/"
              + target.name()
              + " not found");
      return Optional.empty();
    }
    return Optional.of(new ObservedTarget(target, replicas.get()));
  }

  /**
   * Deletes the HPA this ScaledObject owns (its desired name and the one in status), never a
   * foreign one. One GET per name; a delete only when it is there.
   */
  private void deleteOwnedHpas(ScaledObject so, String key) {
    String ns = so.getMetadata().getNamespace();
    String soName = so.getMetadata().getName();
    List<String> names = new ArrayList<>();
    names.add(KedaValidation.hpaName(soName, so.getSpec()));
    String inStatus = so.getStatus() == null ? null : so.getStatus().getHpaName();
    if (inStatus != null && !names.contains(inStatus)) {
      names.add(inStatus);
    }
    for (String name : names) {
      try {
        V2HorizontalPodAutoscaler live =
            autoscaling.readNamespacedHorizontalPodAutoscaler(name, ns).execute();
        if (!HpaOwnership.ownedBy(live, soName)) {
          continue;
        }
        autoscaling.deleteNamespacedHorizontalPodAutoscaler(name, ns).execute();
        LOG.info("{}: paused, HPA {} deleted", key, name);
      } catch (ApiException e) {
        if (e.getCode() != NOT_FOUND) {
          throw new KubeCallException("delete HPA " + ns + "/" + name, e.getCode(), e);
        }
      }
    }
  }

  private void cancelPauseGuard(String key) {
    scheduler.cancel(pauseGuardKey(key));
    pauseGuards.remove(pauseGuardKey(key));
  }

  /** The scheduler key of a paused-replicas guard (the scale loop's key is {@code key}). */
  static String pauseGuardKey(String key) {
    return key + " paused-replicas";
  }

  /**
   * Every pollingInterval, reads the target's {@code /scale} and puts it back to {@code replicas}
   * when someone moved it (nothing watches the target itself). Steady state: one read, no write.
   */
  private void startPauseGuard(
      ScaledObject so, String key, ScaleTargetClient.Target target, int replicas) {
    String guardKey = pauseGuardKey(key);
    String nsName = so.getMetadata().getNamespace() + "/" + so.getMetadata().getName();
    Integer interval = so.getSpec() == null ? null : so.getSpec().getPollingInterval();
    Duration every =
        Duration.ofSeconds(
            interval == null || interval < 1 ? DEFAULT_POLLING_INTERVAL_SECONDS : interval);
    String signature = target.kindString() + "/" + target.name() + "=" + replicas + "@" + every;
    if (scheduler.isScheduled(guardKey) && signature.equals(pauseGuards.get(guardKey))) {
      return;
    }
    pauseGuards.put(guardKey, signature);
    PauseGuard guard =
        new PauseGuard(key, () -> cached.apply(nsName), target, replicas, services.targets());
    scheduler.schedule(guardKey, every, guard::check);
  }

  /** Conflict check, HPA, status and the scale loop of a valid ScaledObject. */
  private boolean reconcileHpaAndLoop(
      ScaledObject so,
      String key,
      ScaleTargetClient.Target target,
      ScaledObjectStatus desired,
      List<Condition> validated) {
    List<Condition> conditions = validated;
    Optional<String> conflict =
        HpaOwnership.conflict(
            so,
            listers.scaledObjects(so.getMetadata().getNamespace()),
            listers.hpas(so.getMetadata().getNamespace()));
    if (conflict.isPresent()) {
      return refuse(so, key, desired, conditions, conflict.get());
    }
    DesiredHpa hpa;
    boolean created;
    try {
      hpa = HpaFactory.build(so, metricSpecs(so, key, target), services.operatorVersion());
      created = ensureHpa(so, key, hpa.hpa());
    } catch (HpaConflict e) {
      return refuse(so, key, desired, conditions, e.getMessage());
    } catch (HpaBuildException | ScalerBuildFailure e) {
      return fail(so, key, desired, conditions, ScaledObjectReasons.MSG_HPA_FAILED, e.getMessage());
    }
    desired
        .hpaName(hpa.hpa().getMetadata().getName())
        .externalMetricNames(hpa.externalMetricNames())
        .resourceMetricNames(hpa.resourceMetricNames())
        .compositeScalerName(hpa.compositeScalerName());

    boolean starting = loopNeedsStart(so, key, created);
    if (!Conditions.isTrue(conditions, ScaledObjectReasons.READY)) {
      emit(so, ScaledObjectEvents.ready());
    }
    conditions = Conditions.apply(conditions, List.of(ScaledObjectReasons.ready()));
    if (so.getSpec().getFallback() == null) {
      conditions = Conditions.apply(conditions, List.of(ScaledObjectReasons.noFallback()));
    }
    if (starting) {
      ScaleLoop loop = newLoop(so, key, target, hpa.externalMetricNames());
      // handed over before the loop is scheduled: its first tick (Active) takes it along, so
      // both go out in one patch however late that tick runs
      writeStatusWithFirstTick(so, key, desired.conditions(conditions), loop);
      startLoop(so, key, loop);
    } else {
      writeStatus(so, key, desired.conditions(conditions));
    }
    registerAuths(so, key);
    return true;
  }

  /** status.scaledobjects of every referenced (Cluster)TriggerAuthentication (crds.md §4.3). */
  private void registerAuths(ScaledObject so, String key) {
    try {
      authStatus.register(
          TriggerAuthStatus.Kind.SCALED_OBJECT,
          so.getMetadata().getNamespace(),
          so.getMetadata().getName(),
          so.getSpec() == null ? null : so.getSpec().getTriggers());
    } catch (KubeCallException e) {
      LOG.warn("{}: TriggerAuthentication status not updated: {}", key, e.getMessage());
    }
  }

  private void unregisterAuths(ScaledObject so, String key) {
    try {
      authStatus.unregister(
          TriggerAuthStatus.Kind.SCALED_OBJECT,
          so.getMetadata().getNamespace(),
          so.getMetadata().getName(),
          so.getSpec() == null ? null : so.getSpec().getTriggers());
    } catch (KubeCallException e) {
      LOG.warn("{}: TriggerAuthentication status not updated: {}", key, e.getMessage());
    }
  }

  /**
   * Another object already scales the target or holds the HPA name: Ready=False naming it, a
   * Warning event, no HPA write and no scaling. Not retried on a timer: a change of the other
   * ScaledObject or HPA requeues this one.
   */
  private boolean refuse(
      ScaledObject so,
      String key,
      ScaledObjectStatus desired,
      List<Condition> conditions,
      String conflict) {
    stopLoop(so, key);
    fail(so, key, desired, conditions, ScaledObjectReasons.MSG_HPA_FAILED, conflict);
    return true;
  }

  /** The metric specs of every trigger's scaler, built (or reused) through the scaler cache. */
  private Map<Integer, List<MetricSpec>> metricSpecs(
      ScaledObject so, String key, ScaleTargetClient.Target target) throws ScalerBuildFailure {
    List<TriggerScaler> scalers =
        services
            .scalers()
            .scalers(
                key,
                services
                    .resolver()
                    .resolve(
                        so,
                        services.resolver().envSource(so, services.targets().template(target))));
    List<String> errors = new ArrayList<>();
    Map<Integer, List<MetricSpec>> specs = new LinkedHashMap<>();
    for (TriggerScaler s : scalers) {
      if (s.error().isPresent()) {
        errors.add(
            "spec.triggers[" + s.index() + "] (" + s.triggerType() + "): " + s.error().get());
        emit(so, SoEvent.warning("KEDAScalerFailed", errors.get(errors.size() - 1)));
      } else {
        specs.put(s.index(), s.scaler().orElseThrow().metricSpecs());
      }
    }
    if (!errors.isEmpty()) {
      throw new ScalerBuildFailure(String.join("; ", errors));
    }
    return specs;
  }

  /**
   * Creates the HPA, or replaces it when {@link HpaDiff} says it differs.
   *
   * @return true when it was created
   */
  private boolean ensureHpa(ScaledObject so, String key, V2HorizontalPodAutoscaler desired)
      throws HpaConflict {
    String ns = desired.getMetadata().getNamespace();
    String name = desired.getMetadata().getName();
    V2HorizontalPodAutoscaler live;
    try {
      live = autoscaling.readNamespacedHorizontalPodAutoscaler(name, ns).execute();
    } catch (ApiException e) {
      if (e.getCode() != NOT_FOUND) {
        throw new KubeCallException("get HPA " + ns + "/" + name, e.getCode(), e);
      }
      live = null;
    }
    try {
      if (live == null) {
        autoscaling.createNamespacedHorizontalPodAutoscaler(ns, desired).execute();
        LOG.info("{}: created HPA {}", key, name);
        return true;
      }
      Optional<String> foreign =
          HpaOwnership.foreign(so, live, listers.scaledObjects(so.getMetadata().getNamespace()));
      if (foreign.isPresent()) {
        throw new HpaConflict(foreign.get());
      }
      HpaDiff diff = HpaDiff.between(desired, live);
      if (diff.needsUpdate()) {
        autoscaling.replaceNamespacedHorizontalPodAutoscaler(name, ns, desired).execute();
        LOG.info("{}: updated HPA {} ({})", key, name, diff);
      }
      return false;
    } catch (ApiException e) {
      throw new KubeCallException("write HPA " + ns + "/" + name, e.getCode(), e);
    }
  }

  private ScaleLoop newLoop(
      ScaledObject so, String key, ScaleTargetClient.Target target, List<String> metricNames) {
    String nsName = so.getMetadata().getNamespace() + "/" + so.getMetadata().getName();
    return new ScaleLoop(key, () -> cached.apply(nsName), target, metricNames, services);
  }

  private void startLoop(ScaledObject so, String key, ScaleLoop loop) {
    Long generation = so.getMetadata().getGeneration();
    boolean scheduled = scheduler.isScheduled(key);
    Integer interval = so.getSpec().getPollingInterval();
    Duration every =
        Duration.ofSeconds(
            interval == null || interval < 1 ? DEFAULT_POLLING_INTERVAL_SECONDS : interval);
    scheduler.schedule(key, every, loop::tick);
    loopGenerations.put(key, generation == null ? 0L : generation);
    LOG.info("{}: scale loop started, polling every {}", key, every);
    if (!scheduled) {
      emit(so, ScaledObjectEvents.scalersStarted());
    }
  }

  private boolean loopNeedsStart(ScaledObject so, String key, boolean hpaCreated) {
    return !scheduler.isScheduled(key)
        || hpaCreated
        || !Objects.equals(loopGenerations.get(key), so.getMetadata().getGeneration());
  }

  private void stopLoop(ScaledObject so, String key) {
    if (scheduler.isScheduled(key)) {
      scheduler.cancel(key);
      loopGenerations.remove(key);
      emit(so, ScaledObjectEvents.scalersStopped());
    }
  }

  private boolean fail(
      ScaledObject so,
      String key,
      ScaledObjectStatus desired,
      List<Condition> conditions,
      String stepMessage,
      String detail) {
    // the detail names the offending field or object; it never holds a resolved value
    String message = stepMessage + ": " + detail;
    LOG.warn("{}: {}", key, message);
    services
        .metrics()
        .objectError(
            KedaMetrics.ResourceType.SCALED_OBJECT,
            so.getMetadata().getNamespace(),
            so.getMetadata().getName());
    emit(so, ScaledObjectEvents.checkFailed(message));
    List<Condition> c =
        Conditions.apply(
            conditions,
            List.of(
                ScaledObjectReasons.checkFailed(stepMessage, detail),
                ScaledObjectReasons.activeUnknown()));
    writeStatus(so, key, desired.conditions(c));
    return false;
  }

  private void emit(ScaledObject so, SoEvent event) {
    services.events().record(so, event.type(), event.reason(), event.message());
  }

  private void writeStatus(ScaledObject so, String key, ScaledObjectStatus desired) {
    try {
      ScaledObjectStatus read = readStatus.get();
      SoStatusWriter.write(services.patcher(), so, read == null ? so.getStatus() : read, desired);
    } catch (KubeCallException e) {
      LOG.warn("{}: status not written: {}", key, e.getMessage());
    }
  }

  /**
   * Hands the status to the writer to go out with {@code loop}'s first write; alone when no tick of
   * it is coming within {@link #COALESCE_WITHIN} (the loop was stopped or replaced and gone), at
   * the latest after {@link #COALESCE_AT_MOST}.
   */
  private void writeStatusWithFirstTick(
      ScaledObject so, String key, ScaledObjectStatus desired, ScaleLoop loop) {
    ScaledObjectStatus read = readStatus.get();
    SoStatusWriter.writeSoon(
        services.patcher(),
        so,
        read == null ? so.getStatus() : read,
        desired,
        COALESCE_WITHIN,
        COALESCE_AT_MOST,
        () -> loop.firstTickPending() && scheduler.isScheduled(key));
  }

  private static String describe(List<SpecError> errors) {
    List<String> parts = new ArrayList<>();
    errors.forEach(e -> parts.add(e.path() + ": " + e.message()));
    return String.join("; ", parts);
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }

  /** Adds the finalizer when {@link FinalizerPolicy#needed} says so; one already there stays. */
  private void ensureFinalizer(ScaledObject so) {
    List<String> finalizers = so.getMetadata().getFinalizers();
    if (finalizers != null && finalizers.contains(KedaApi.FINALIZER)) {
      return;
    }
    if (!FinalizerPolicy.needed(so.getSpec())) {
      return;
    }
    List<String> next = new ArrayList<>(finalizers == null ? List.of() : finalizers);
    next.add(KedaApi.FINALIZER);
    patchFinalizers(so, next);
  }

  private boolean finalizeDeletion(ScaledObject so, String key) {
    boolean running = scheduler.isScheduled(key);
    forget(key);
    List<String> finalizers = so.getMetadata().getFinalizers();
    if (finalizers == null || !finalizers.contains(KedaApi.FINALIZER)) {
      return true;
    }
    if (running) {
      emit(so, ScaledObjectEvents.scalersStopped());
    }
    restoreOriginalReplicas(so, key);
    unregisterAuths(so, key);
    List<String> next = new ArrayList<>(finalizers);
    next.remove(KedaApi.FINALIZER);
    try {
      patchFinalizers(so, next);
    } catch (KubeCallException e) {
      LOG.warn("{}: finalizer not removed: {}", key, e.getMessage());
      return false;
    }
    LOG.info("{}: deleted, scale loop stopped", key);
    emit(so, ScaledObjectEvents.deleted());
    return true;
  }

  /** {@code restoreToOriginalReplicaCount}: errors are only logged, a missing target ignored. */
  private void restoreOriginalReplicas(ScaledObject so, String key) {
    ScaledObjectStatus st = status(so);
    boolean restore =
        so.getSpec() != null
            && so.getSpec().getAdvanced() != null
            && Boolean.TRUE.equals(so.getSpec().getAdvanced().getRestoreToOriginalReplicaCount());
    if (!restore
        || st.getScaleTargetGVKR() == null
        || st.getOriginalReplicaCount() == null
        || so.getSpec().getScaleTargetRef() == null) {
      return;
    }
    try {
      ScaleTargetClient.Target target =
          services
              .targets()
              .resolveTarget(so.getSpec().getScaleTargetRef(), so.getMetadata().getNamespace());
      if (services.targets().specReplicas(target).isPresent()) {
        services.targets().setReplicas(target, st.getOriginalReplicaCount());
        LOG.info(
            "{}: restored {} to {} replicas", key, target.name(), st.getOriginalReplicaCount());
      }
    } catch (IllegalArgumentException | KubeCallException e) {
      LOG.warn("{}: original replica count not restored: {}", key, e.getMessage());
    }
  }

  private void patchFinalizers(ScaledObject so, List<String> finalizers) {
    JsonArray list = new JsonArray();
    finalizers.forEach(list::add);
    JsonObject meta = new JsonObject();
    meta.add("finalizers", list);
    JsonObject body = new JsonObject();
    body.add("metadata", meta);
    services
        .patcher()
        .patchObject(
            KedaApi.GROUP,
            KedaApi.VERSION,
            KedaApi.SCALED_OBJECTS,
            so.getMetadata().getNamespace(),
            so.getMetadata().getName(),
            body);
  }

  private static ScaledObjectStatus status(ScaledObject so) {
    return so.getStatus() == null ? new ScaledObjectStatus() : so.getStatus();
  }

  private static ScaledObjectStatus copyOf(ScaledObjectStatus status) {
    return dev.keda4j.api.manifest.Manifests.gson()
        .fromJson(dev.keda4j.controller.k8s.StatusWriter.tree(status), ScaledObjectStatus.class);
  }

  /**
   * Keeps a {@code paused-replicas} target at its count while the scale loop is stopped: reads
   * {@code /scale}, writes only when it differs. Does nothing once the object is gone, being
   * deleted or no longer paused at that count (the reconcile then cancels it).
   */
  static final class PauseGuard {
    private final String key;
    private final Supplier<ScaledObject> latest;
    private final ScaleTargetClient.Target target;
    private final int replicas;
    private final ScaleTargetClient targets;

    PauseGuard(
        String key,
        Supplier<ScaledObject> latest,
        ScaleTargetClient.Target target,
        int replicas,
        ScaleTargetClient targets) {
      this.key = key;
      this.latest = latest;
      this.target = target;
      this.replicas = replicas;
      this.targets = targets;
    }

    void check() {
      ScaledObject so = latest.get();
      if (so == null || so.getMetadata().getDeletionTimestamp() != null) {
        return;
      }
      Annotations a = Annotations.of(so.getMetadata().getAnnotations());
      if (!PausePolicy.holds(a, replicas)) {
        return;
      }
      try {
        Optional<Integer> now = targets.specReplicas(target);
        if (now.isPresent() && now.get() != replicas) {
          targets.setReplicas(target, replicas);
          LOG.info(
              "{}: paused at {} replicas, {} {} moved to {}: put back",
              key,
              replicas,
              target.kindString(),
              target.name(),
              now.get());
        }
      } catch (KubeCallException | IllegalArgumentException e) {
        LOG.warn("{}: paused replicas not checked: {}", key, e.getMessage());
      }
    }
  }

  /** Another ScaledObject or a foreign HPA holds the target or the HPA name. */
  private static final class HpaConflict extends Exception {
    private static final long serialVersionUID = 1L;

    HpaConflict(String message) {
      super(message);
    }
  }

  /** A trigger's scaler could not be built; the message names each trigger, never a value. */
  private static final class ScalerBuildFailure extends Exception {
    private static final long serialVersionUID = 1L;

    ScalerBuildFailure(String message) {
      super(message);
    }
  }
}
