package dev.keda4j.controller.scaledjob;

import com.google.gson.JsonObject;
import dev.keda4j.api.v1alpha1.KedaApi;
import dev.keda4j.api.v1alpha1.ScaledJob;
import dev.keda4j.api.v1alpha1.ScaledJobStatus;
import dev.keda4j.controller.k8s.KubeCallException;
import dev.keda4j.controller.k8s.ObjectRefs;
import dev.keda4j.controller.metrics.KedaMetrics;
import dev.keda4j.controller.metrics.KedaMetrics.ResourceType;
import dev.keda4j.controller.scaling.TriggerScaler;
import dev.keda4j.controller.scaling.resolve.ResolvedTrigger;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job loop of one ScaledJob: observe (triggers, Jobs and Pods from the API) → decide ({@link
 * JobPlanner}, pure) → apply (create Jobs, status, events, history cleanup). Counting from the API
 * every poll is what keeps the count exact across restarts.
 *
 * <p>The loop polls only while the ScaledJob's scalers are held in the {@link
 * dev.keda4j.controller.scaling.ScalerCache} (the reconciler builds them before starting the loop
 * and removes them when it forgets the object); a poll that finds them removed, before or while
 * reading the triggers, creates no Job and writes nothing.
 */
public final class JobLoop {
  private static final Logger LOG = LoggerFactory.getLogger(JobLoop.class);
  private static final Set<String> OWNED_STATUS =
      Set.of("conditions", "lastActiveTime", "triggersActivity");
  private static final String JOB_NAME_LABEL = "job-name";
  private static final String NEW_JOB_NAME_LABEL = "batch.kubernetes.io/job-name";
  private static final String BACKGROUND = "Background";

  private final ScaledJob sj;
  private final JobLoopServices services;
  private final String key;
  private final String ns;
  private final String name;
  private final Duration interval;
  private JsonObject knownStatus;
  private ScaledJobStatus knownStatusModel;
  private volatile Instant lastPollEnd;

  public JobLoop(ScaledJob sj, JobLoopServices services) {
    this(sj, sj.getStatus(), services);
  }

  /**
   * @param stored the ScaledJob's status as stored now (the reconciler's write, newer than {@code
   *     sj}'s): what the first poll's status write is compared with
   */
  public JobLoop(ScaledJob sj, ScaledJobStatus stored, JobLoopServices services) {
    this.sj = sj;
    this.services = services;
    this.key = ObjectRefs.describe(sj);
    this.ns = sj.getMetadata().getNamespace();
    this.name = sj.getMetadata().getName();
    this.knownStatusModel = stored;
    this.knownStatus = dev.keda4j.controller.k8s.StatusWriter.tree(stored);
    this.interval = pollingInterval(sj);
  }

  /** {@code spec.pollingInterval}, KEDA's default 30 s when unset or below 1. */
  public static Duration pollingInterval(ScaledJob sj) {
    Integer seconds = sj.getSpec() == null ? null : sj.getSpec().getPollingInterval();
    return Duration.ofSeconds(
        seconds == null || seconds < 1
            ? ScaledJobReconciler.DEFAULT_POLLING_INTERVAL_SECONDS
            : seconds);
  }

  public String key() {
    return key;
  }

  /**
   * One poll; returns the decision, or empty when the Jobs could not be counted or the ScaledJob's
   * scalers were removed.
   */
  public synchronized Optional<JobPlan> poll() {
    Instant now = services.clock().instant();
    recordLateness(now);
    try {
      return pollOnce(now);
    } finally {
      lastPollEnd = services.clock().instant();
    }
  }

  private Optional<JobPlan> pollOnce(Instant now) {
    Optional<TriggerReadings> read = readTriggers();
    if (read.isEmpty() || !services.scalers().holds(key)) {
      // forgotten (deleted, or no longer ours) before or while the triggers were read: a read of
      // removed scalers is no truth to create Jobs or write status from
      LOG.info("{}: scalers removed, poll abandoned", key);
      return Optional.empty();
    }
    TriggerReadings readings = read.get();
    for (String error : readings.errors()) {
      LOG.warn("{}: trigger error: {}", key, error);
      services.events().warning(sj, ScaledJobEvents.SCALER_FAILED, error);
    }
    List<V1Job> jobs;
    try {
      // no resourceVersion: a consistent read from the store, never a cache that could miss Jobs
      // a previous poll (or a previous leader) created
      jobs = services.jobs().listJobs(ns, JobFactory.selector(name));
    } catch (KubeCallException e) {
      // counting nothing would create jobs that may already exist: skip the poll instead
      LOG.warn("{}: jobs not listed, no jobs created this poll: {}", key, e.getMessage());
      return Optional.empty();
    }
    JobCounts counts = count(jobs);
    JobPlan plan = JobPlanner.plan(sj, readings.metrics(), counts);
    LOG.debug("{}: {} {} → {}", key, readings.metrics(), counts, plan);
    if (plan.active() && plan.effectiveMax() > 0) {
      createJobs(plan.jobsToCreate());
    }
    writeStatus(PollStatus.next(knownStatusModel, plan, readings, now));
    cleanupHistory(jobs);
    return Optional.of(plan);
  }

  /**
   * Running and pending Jobs. Pods are listed only when the strategy reads the pending count
   * (accurate, eager) and some Job is unfinished; otherwise pending is reported as 0, which no
   * other strategy looks at.
   */
  private JobCounts count(List<V1Job> jobs) {
    boolean unfinished = jobs.stream().anyMatch(j -> !JobConditions.finished(j));
    if (!unfinished || !ScalingStrategy.of(strategySpec()).usesPending()) {
      return JobCounter.countRunning(jobs);
    }
    return JobCounter.count(jobs, podsByJob(), pendingPodConditions());
  }

  private void recordLateness(Instant now) {
    Instant last = lastPollEnd;
    Duration lateness = last == null ? Duration.ZERO : Duration.between(last.plus(interval), now);
    Duration late = lateness.isNegative() ? Duration.ZERO : lateness;
    // a tick running on after forget records no series of the deleted ScaledJob
    heldMetrics().scaleLoopLatency(ResourceType.SCALED_JOB, ns, name, late);
  }

  /**
   * The triggers' readings; empty when the ScaledJob's scalers are not held (any more): a tick that
   * runs on after {@link ScaledJobReconciler#forget} builds nothing, which nobody would close.
   */
  private Optional<TriggerReadings> readTriggers() {
    Optional<List<TriggerScaler>> scalers;
    try {
      List<ResolvedTrigger> resolved = services.resolver().resolve(sj);
      scalers = services.scalers().scalersIfHeld(key, resolved);
    } catch (KubeCallException e) {
      objectError();
      return Optional.of(new TriggerReadings(List.of(), List.of(e.getMessage()), Map.of()));
    } catch (RuntimeException e) {
      // a resolver bug is a trigger error for this poll, not a crash of the loop
      LOG.error("{}: resolving triggers failed", key, e);
      objectError();
      return Optional.of(
          new TriggerReadings(
              List.of(),
              List.of("error resolving triggers: " + e.getClass().getSimpleName()),
              Map.of()));
    }
    return scalers.map(
        s -> services.poller().poll(key, s, sj.maxReplicaCount(), services.metrics(), ns, name));
  }

  /** {@code keda_scaled_job_errors_total}, unless the ScaledJob was forgotten meanwhile. */
  private void objectError() {
    heldMetrics().objectError(ResourceType.SCALED_JOB, ns, name);
  }

  /** The loop's metrics, recording only while the ScaledJob's scalers are held. */
  private KedaMetrics heldMetrics() {
    return services.scalers().metricsWhileHeld(key, services.metrics());
  }

  private Optional<Map<String, List<V1Pod>>> podsByJob() {
    List<V1Pod> pods;
    try {
      // one list for all jobs of the ScaledJob: the pod template carries its name label
      pods = services.jobs().listPods(ns, JobFactory.selector(name));
    } catch (KubeCallException e) {
      LOG.warn(
          "{}: pods not listed, every unfinished job counts as pending: {}", key, e.getMessage());
      return Optional.empty();
    }
    Map<String, List<V1Pod>> byJob = new HashMap<>();
    for (V1Pod p : pods) {
      Map<String, String> labels = p.getMetadata() == null ? null : p.getMetadata().getLabels();
      if (labels == null) {
        continue;
      }
      String job = labels.getOrDefault(JOB_NAME_LABEL, labels.get(NEW_JOB_NAME_LABEL));
      if (job != null) {
        byJob.computeIfAbsent(job, k -> new ArrayList<>()).add(p);
      }
    }
    return Optional.of(byJob);
  }

  private dev.keda4j.api.v1alpha1.ScalingStrategy strategySpec() {
    return sj.getSpec() == null ? null : sj.getSpec().getScalingStrategy();
  }

  private List<String> pendingPodConditions() {
    return strategySpec() == null ? List.of() : strategySpec().getPendingPodConditions();
  }

  private void createJobs(long n) {
    // one batch label value per BATCH_SIZE Jobs of this poll, unique across polls and restarts
    String poll = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    List<CompletableFuture<Void>> creates = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      String batch = poll + "-" + (i / JobFactory.BATCH_SIZE);
      creates.add(CompletableFuture.runAsync(() -> createJob(batch), services.writePool()));
    }
    CompletableFuture.allOf(creates.toArray(CompletableFuture[]::new)).join();
    LOG.info("{}: created {} jobs", key, n);
    services.events().normal(sj, ScaledJobEvents.JOBS_CREATED, ScaledJobEvents.jobsCreated(n));
  }

  private void createJob(String batch) {
    V1Job job = services.factory().newJob(sj, batch);
    try {
      services.jobs().createJob(ns, job);
    } catch (KubeCallException e) {
      LOG.warn("{}: job not created: {}", key, e.getMessage());
      services
          .events()
          .warning(
              sj,
              ScaledJobEvents.JOB_CREATE_FAILED,
              ScaledJobEvents.jobCreateFailed(job.getMetadata().getGenerateName(), e.getMessage()));
    }
  }

  private void writeStatus(PollStatus.Outcome outcome) {
    for (EventSpec e : outcome.events()) {
      services.events().record(sj, e.type(), e.reason(), e.message());
    }
    JsonObject desired = dev.keda4j.controller.k8s.StatusWriter.tree(outcome.status());
    desired.keySet().retainAll(OWNED_STATUS);
    try {
      services
          .status()
          .write(
              KedaApi.GROUP,
              KedaApi.VERSION,
              KedaApi.SCALED_JOBS,
              ns,
              name,
              knownStatus,
              desired,
              OWNED_STATUS);
      JsonObject merged = knownStatus.deepCopy();
      OWNED_STATUS.forEach(merged::remove);
      desired.entrySet().forEach(e -> merged.add(e.getKey(), e.getValue()));
      knownStatus = merged;
      knownStatusModel = outcome.status();
    } catch (KubeCallException e) {
      LOG.warn("{}: status not written: {}", key, e.getMessage());
    }
  }

  private void cleanupHistory(List<V1Job> jobs) {
    List<V1Job> expired = HistoryCleanup.jobsToDelete(sj, jobs);
    if (expired.isEmpty()) {
      return;
    }
    HistoryCleanup.Deletion deletion = HistoryCleanup.plan(jobs, expired);
    // deletes run side by side like creates; the first failure stops those not yet started
    AtomicBoolean aborted = new AtomicBoolean();
    AtomicInteger deleted = new AtomicInteger();
    List<CompletableFuture<Void>> deletes = new ArrayList<>();
    for (String batch : deletion.batches()) {
      long members = jobs.stream().filter(j -> batch.equals(JobFactory.batch(j))).count();
      deletes.add(
          CompletableFuture.runAsync(
              () ->
                  delete(
                      "batch " + batch,
                      () ->
                          services
                              .jobs()
                              .deleteJobs(ns, JobFactory.batchSelector(name, batch), BACKGROUND),
                      members,
                      aborted,
                      deleted),
              services.writePool()));
    }
    for (V1Job job : deletion.singles()) {
      String jobName = job.getMetadata().getName();
      deletes.add(
          CompletableFuture.runAsync(
              () ->
                  delete(
                      "job " + jobName,
                      () -> services.jobs().deleteJob(ns, jobName, BACKGROUND),
                      1,
                      aborted,
                      deleted),
              services.writePool()));
    }
    CompletableFuture.allOf(deletes.toArray(CompletableFuture[]::new)).join();
    LOG.info(
        "{}: history cleanup deleted {} of {} finished jobs beyond the limits"
            + " ({} whole batches, {} single deletes){}",
        key,
        deleted.get(),
        expired.size(),
        deletion.batches().size(),
        deletion.singles().size(),
        aborted.get() ? " (stopped by an error)" : "");
  }

  private void delete(
      String what, Runnable call, long jobCount, AtomicBoolean aborted, AtomicInteger deleted) {
    if (aborted.get()) {
      return;
    }
    try {
      call.run();
      deleted.addAndGet((int) jobCount);
    } catch (KubeCallException e) {
      aborted.set(true);
      LOG.warn("{}: history cleanup stopped, {} not deleted: {}", key, what, e.getMessage());
    }
  }
}
