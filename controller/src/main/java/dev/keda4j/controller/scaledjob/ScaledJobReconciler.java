package dev.keda4j.controller.scaledjob;

import static dev.keda4j.controller.scaledjob.ScaledJobConditions.ACTIVE;
import static dev.keda4j.controller.scaledjob.ScaledJobConditions.FALSE;
import static dev.keda4j.controller.scaledjob.ScaledJobConditions.PAUSED;
import static dev.keda4j.controller.scaledjob.ScaledJobConditions.READY;
import static dev.keda4j.controller.scaledjob.ScaledJobConditions.TRUE;
import static dev.keda4j.controller.scaledjob.ScaledJobConditions.UNKNOWN;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.keda4j.api.manifest.Manifests;
import dev.keda4j.api.v1alpha1.Condition;
import dev.keda4j.api.v1alpha1.KedaApi;
import dev.keda4j.api.v1alpha1.KedaValidation;
import dev.keda4j.api.v1alpha1.ScaledJob;
import dev.keda4j.api.v1alpha1.ScaledJobStatus;
import dev.keda4j.api.v1alpha1.SpecError;
import dev.keda4j.api.v1alpha1.TriggerSummary;
import dev.keda4j.controller.k8s.KubeCallException;
import dev.keda4j.controller.k8s.ObjectRefs;
import dev.keda4j.controller.k8s.StatusPatcher;
import dev.keda4j.controller.k8s.StatusWriter;
import dev.keda4j.controller.k8s.TriggerAuthStatus;
import dev.keda4j.controller.metrics.KedaMetrics.ResourceType;
import dev.keda4j.controller.scaling.PollScheduler;
import dev.keda4j.controller.scaling.TriggerScaler;
import io.kubernetes.client.openapi.models.V1Job;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles one ScaledJob (scaledjob.md §1): finalizer, validation, pause, rollout cleanup,
 * scalers, and (re)starting its {@link JobLoop} on the shared scheduler.
 */
public final class ScaledJobReconciler {
  private static final Logger LOG = LoggerFactory.getLogger(ScaledJobReconciler.class);

  /** KEDA's default pollingInterval. */
  public static final int DEFAULT_POLLING_INTERVAL_SECONDS = 30;

  private static final Set<String> OWNED_STATUS =
      Set.of("conditions", "triggersTypes", "authenticationsTypes");

  private final JobLoopServices services;
  private final PollScheduler scheduler;
  private final StatusPatcher patcher;

  public ScaledJobReconciler(
      JobLoopServices services, PollScheduler scheduler, StatusPatcher patcher) {
    this.services = services;
    this.scheduler = scheduler;
    this.patcher = patcher;
  }

  /**
   * Reconciles {@code sj}.
   *
   * @return true when done, false when it should be retried later
   */
  public boolean reconcile(ScaledJob sj) {
    String key = ObjectRefs.describe(sj);
    if (sj.getMetadata().getDeletionTimestamp() != null) {
      return finalizeDeletion(sj, key);
    }
    try {
      ensureFinalizer(sj);
      return reconcileLive(sj, key);
    } catch (KubeCallException e) {
      LOG.warn("{}: reconcile failed: {}", key, e.getMessage());
      services.events().warning(sj, ScaledJobEvents.UPDATE_FAILED, e.getMessage());
      return false;
    }
  }

  /** Stops the loop and closes the scalers of a ScaledJob that is gone. */
  public void forget(String key) {
    scheduler.cancel(key);
    services.scalers().remove(key);
    // gone (or no longer ours): every series of it goes, error counter and loop latency too;
    // key is ObjectRefs.describe: "ScaledJob <namespace>/<name>"
    String nsName = key.substring(key.indexOf(' ') + 1);
    int slash = nsName.indexOf('/');
    if (slash > 0) {
      services
          .metrics()
          .deleted(
              ResourceType.SCALED_JOB, nsName.substring(0, slash), nsName.substring(slash + 1));
    }
  }

  private boolean reconcileLive(ScaledJob sj, String key) {
    // as KEDA: the per-object series start afresh with every reconcile
    services
        .metrics()
        .forget(
            ResourceType.SCALED_JOB, sj.getMetadata().getNamespace(), sj.getMetadata().getName());
    List<Condition> conditions = ScaledJobConditions.orInitial(status(sj).getConditions());
    if (sj.getSpec() == null || sj.getSpec().getJobTargetRef() == null) {
      scheduler.cancel(key);
      return fail(sj, key, conditions, ScaledJobEvents.MSG_NO_JOB_TARGET_REF, "");
    }
    if (PauseAnnotation.isPaused(sj)) {
      pause(sj, key, conditions);
      return true;
    }
    if (ScaledJobConditions.isTrue(conditions, PAUSED)) {
      conditions =
          ScaledJobConditions.with(
              conditions,
              PAUSED,
              FALSE,
              ScaledJobConditions.REASON_UNPAUSED,
              ScaledJobConditions.MSG_UNPAUSED);
      services.events().normal(sj, ScaledJobEvents.UNPAUSED, ScaledJobConditions.MSG_UNPAUSED);
    }
    List<SpecError> invalid = KedaValidation.validateTriggers(sj.getSpec().getTriggers());
    if (!invalid.isEmpty()) {
      return fail(sj, key, conditions, ScaledJobEvents.MSG_BAD_TRIGGERS, describe(invalid));
    }
    rolloutCleanup(sj, key);
    String buildError = buildScalers(sj, key);
    if (buildError != null) {
      return fail(sj, key, conditions, ScaledJobEvents.MSG_NOT_CREATED_CORRECTLY, buildError);
    }
    List<SpecError> metricType = KedaValidation.metricTypeInScaledJob(sj.getSpec().getTriggers());
    if (!metricType.isEmpty()) {
      return fail(sj, key, conditions, ScaledJobEvents.MSG_METRIC_TYPE, describe(metricType));
    }
    boolean wasReady = ScaledJobConditions.isTrue(conditions, READY);
    conditions =
        ScaledJobConditions.with(
            conditions,
            READY,
            TRUE,
            ScaledJobConditions.REASON_READY,
            ScaledJobConditions.MSG_READY_RECONCILE);
    // written before the loop starts, and the loop starts from it: a loop tick's conditions
    // written first would be overwritten by this one and, known to the loop as written, not
    // written again
    ScaledJobStatus written = writeStatus(sj, conditions);
    startLoop(sj, written, key);
    if (!wasReady) {
      services.events().normal(sj, ScaledJobEvents.READY, ScaledJobEvents.MSG_READY_EVENT);
    }
    updateAuthStatus(sj, key, true);
    return true;
  }

  /** KEDA's updateTriggerAuthenticationStatus: a failure is logged, never fails the reconcile. */
  private void updateAuthStatus(ScaledJob sj, String key, boolean register) {
    if (services.authStatus() == null || sj.getSpec() == null) {
      return;
    }
    String ns = sj.getMetadata().getNamespace();
    String name = sj.getMetadata().getName();
    try {
      if (register) {
        services
            .authStatus()
            .register(TriggerAuthStatus.Kind.SCALED_JOB, ns, name, sj.getSpec().getTriggers());
      } else {
        services
            .authStatus()
            .unregister(TriggerAuthStatus.Kind.SCALED_JOB, ns, name, sj.getSpec().getTriggers());
      }
    } catch (KubeCallException e) {
      LOG.warn("{}: TriggerAuthentication status not updated: {}", key, e.getMessage());
    }
  }

  private void pause(ScaledJob sj, String key, List<Condition> conditions) {
    List<Condition> c = conditions;
    if (!ScaledJobConditions.isTrue(c, PAUSED)) {
      c =
          ScaledJobConditions.with(
              c, PAUSED, TRUE, ScaledJobConditions.REASON_PAUSED, ScaledJobConditions.MSG_PAUSED);
      services.events().normal(sj, ScaledJobEvents.PAUSED, ScaledJobConditions.MSG_PAUSED);
    }
    scheduler.cancel(key);
    LOG.info("{}: paused, job loop stopped", key);
    c =
        ScaledJobConditions.with(
            c,
            READY,
            TRUE,
            ScaledJobConditions.REASON_READY,
            ScaledJobConditions.MSG_PAUSED_RECONCILE);
    writeStatus(sj, c);
  }

  private boolean fail(
      ScaledJob sj, String key, List<Condition> conditions, String stepMessage, String detail) {
    // the detail names the offending field; it never holds a resolved value
    String message = detail.isEmpty() ? stepMessage : stepMessage + ": " + detail;
    LOG.warn("{}: {}", key, message);
    services.events().warning(sj, ScaledJobEvents.CHECK_FAILED, message);
    List<Condition> c =
        ScaledJobConditions.with(
            conditions, READY, FALSE, ScaledJobConditions.REASON_CHECK_FAILED, message);
    c =
        ScaledJobConditions.with(
            c,
            ACTIVE,
            UNKNOWN,
            ScaledJobConditions.REASON_UNKNOWN,
            ScaledJobConditions.MSG_CHECK_FAILED);
    writeStatus(sj, c);
    services
        .metrics()
        .objectError(
            ResourceType.SCALED_JOB, sj.getMetadata().getNamespace(), sj.getMetadata().getName());
    updateAuthStatus(sj, key, true);
    return false;
  }

  private static String describe(List<SpecError> errors) {
    List<String> parts = new ArrayList<>();
    errors.forEach(e -> parts.add(e.path() + ": " + e.message()));
    return String.join("; ", parts);
  }

  /** Null when every trigger's scaler was built, else the errors naming each trigger. */
  private String buildScalers(ScaledJob sj, String key) {
    List<TriggerScaler> scalers;
    try {
      scalers = services.scalers().scalers(key, services.resolver().resolve(sj));
    } catch (KubeCallException e) {
      return e.getMessage();
    }
    List<String> errors = new ArrayList<>();
    for (TriggerScaler s : scalers) {
      s.error()
          .ifPresent(
              e -> errors.add("spec.triggers[" + s.index() + "] (" + s.triggerType() + "): " + e));
    }
    return errors.isEmpty() ? null : String.join("; ", errors);
  }

  private void startLoop(ScaledJob sj, ScaledJobStatus stored, String key) {
    boolean first = !scheduler.isScheduled(key);
    JobLoop loop = new JobLoop(sj, stored, services);
    Duration every = JobLoop.pollingInterval(sj);
    scheduler.schedule(key, every, loop::poll);
    // external-push: an announced "active" polls at once instead of at the next interval (as KEDA)
    services
        .scalers()
        .listenForPush(
            key,
            (index, active) -> {
              if (active) {
                scheduler.tickNow(key);
              }
            });
    LOG.info("{}: job loop started, polling every {}", key, every);
    if (first) {
      services
          .events()
          .normal(sj, ScaledJobEvents.SCALERS_STARTED, ScaledJobEvents.MSG_SCALERS_STARTED);
      for (TriggerScaler s : services.scalers().current(key)) {
        services
            .events()
            .normal(
                sj, ScaledJobEvents.SCALERS_STARTED, ScaledJobEvents.scalerBuilt(s.triggerType()));
      }
    }
  }

  private void rolloutCleanup(ScaledJob sj, String key) {
    String ns = sj.getMetadata().getNamespace();
    List<V1Job> jobs =
        services.jobs().listJobs(ns, JobFactory.selector(sj.getMetadata().getName()));
    List<V1Job> old = RolloutCleanup.jobsToDelete(sj, jobs);
    if (old.isEmpty()) {
      return;
    }
    services
        .events()
        .normal(
            sj,
            ScaledJobEvents.ROLLOUT_CLEANUP_STARTED,
            ScaledJobEvents.rolloutCleanupStarted(old.size()));
    for (V1Job job : old) {
      String jobName = job.getMetadata().getName();
      try {
        services.jobs().deleteJob(ns, jobName, RolloutCleanup.propagationPolicy(sj));
      } catch (KubeCallException e) {
        services
            .events()
            .warning(
                sj,
                ScaledJobEvents.ROLLOUT_CLEANUP_FAILED,
                ScaledJobEvents.rolloutCleanupFailed(jobName, e.getMessage()));
        throw new KubeCallException("Not able to delete job: " + jobName, e.code(), e);
      }
    }
    LOG.info("{}: deleted {} jobs of previous generations", key, old.size());
    services
        .events()
        .normal(
            sj,
            ScaledJobEvents.ROLLOUT_CLEANUP_COMPLETED,
            ScaledJobEvents.rolloutCleanupCompleted(old.size()));
  }

  private void ensureFinalizer(ScaledJob sj) {
    List<String> finalizers = sj.getMetadata().getFinalizers();
    if (finalizers != null && finalizers.contains(KedaApi.FINALIZER)) {
      return;
    }
    List<String> next = new ArrayList<>(finalizers == null ? List.of() : finalizers);
    next.add(KedaApi.FINALIZER);
    patchFinalizers(sj, next);
  }

  private boolean finalizeDeletion(ScaledJob sj, String key) {
    forget(key);
    List<String> finalizers = sj.getMetadata().getFinalizers();
    if (finalizers == null || !finalizers.contains(KedaApi.FINALIZER)) {
      return true;
    }
    services
        .events()
        .normal(sj, ScaledJobEvents.SCALERS_STOPPED, ScaledJobEvents.MSG_SCALERS_STOPPED);
    List<String> next = new ArrayList<>(finalizers);
    next.remove(KedaApi.FINALIZER);
    try {
      patchFinalizers(sj, next);
    } catch (KubeCallException e) {
      LOG.warn("{}: finalizer not removed: {}", key, e.getMessage());
      return false;
    }
    updateAuthStatus(sj, key, false);
    LOG.info("{}: deleted, job loop stopped", key);
    services.events().warning(sj, ScaledJobEvents.DELETED, ScaledJobEvents.MSG_DELETED);
    return true;
  }

  private void patchFinalizers(ScaledJob sj, List<String> finalizers) {
    JsonArray list = new JsonArray();
    finalizers.forEach(list::add);
    JsonObject meta = new JsonObject();
    meta.add("finalizers", list);
    JsonObject body = new JsonObject();
    body.add("metadata", meta);
    patcher.patchObject(
        KedaApi.GROUP,
        KedaApi.VERSION,
        KedaApi.SCALED_JOBS,
        sj.getMetadata().getNamespace(),
        sj.getMetadata().getName(),
        body);
  }

  /** Writes the reconciler's fields; returns the status now stored (as known before on failure). */
  private ScaledJobStatus writeStatus(ScaledJob sj, List<Condition> conditions) {
    ScaledJobStatus desired =
        new ScaledJobStatus()
            .conditions(conditions)
            .triggersTypes(TriggerSummary.triggersTypes(sj.getSpec().getTriggers()))
            .authenticationsTypes(TriggerSummary.authenticationsTypes(sj.getSpec().getTriggers()));
    JsonObject tree = StatusWriter.tree(desired);
    tree.keySet().retainAll(OWNED_STATUS);
    JsonObject known = StatusWriter.tree(sj.getStatus());
    try {
      services
          .status()
          .write(
              KedaApi.GROUP,
              KedaApi.VERSION,
              KedaApi.SCALED_JOBS,
              sj.getMetadata().getNamespace(),
              sj.getMetadata().getName(),
              known,
              tree,
              Set.of());
    } catch (KubeCallException e) {
      LOG.warn("{}: status not written: {}", ObjectRefs.describe(sj), e.getMessage());
      return sj.getStatus();
    }
    tree.entrySet().forEach(e -> known.add(e.getKey(), e.getValue()));
    return Manifests.gson().fromJson(known, ScaledJobStatus.class);
  }

  private static ScaledJobStatus status(ScaledJob sj) {
    return sj.getStatus() == null ? new ScaledJobStatus() : sj.getStatus();
  }
}
