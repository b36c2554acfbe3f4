package dev.keda4j.controller.scaledjob;

import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Counts running and pending jobs (scaledjob.md §2.3). */
public final class JobCounter {
  private JobCounter() {}

  /**
   * @param jobs every job labelled with the ScaledJob's name
   * @param podsByJob pods by their {@code job-name} label; empty when the pods could not be listed
   *     (every unfinished job then counts as pending)
   * @param pendingPodConditions {@code scalingStrategy.pendingPodConditions} (null ⇒ empty)
   */
  public static JobCounts count(
      List<V1Job> jobs,
      Optional<Map<String, List<V1Pod>>> podsByJob,
      List<String> pendingPodConditions) {
    List<String> conditions = pendingPodConditions == null ? List.of() : pendingPodConditions;
    long running = 0;
    long pending = 0;
    for (V1Job job : jobs) {
      if (JobConditions.finished(job)) {
        continue;
      }
      running++;
      String name = job.getMetadata() == null ? null : job.getMetadata().getName();
      if (podsByJob.isEmpty()
          || isPending(podsByJob.get().getOrDefault(name, List.of()), conditions)) {
        pending++;
      }
    }
    return new JobCounts(running, pending);
  }

  /**
   * Running jobs only, pending reported as 0: for strategies that do not read the pending count, so
   * no pod list is needed.
   */
  public static JobCounts countRunning(List<V1Job> jobs) {
    long running = jobs.stream().filter(j -> !JobConditions.finished(j)).count();
    return new JobCounts(running, 0);
  }

  /** A job is pending unless one of its pods started (or fulfils every listed condition). */
  public static boolean isPending(List<V1Pod> pods, List<String> pendingPodConditions) {
    for (V1Pod pod : pods) {
      if (pendingPodConditions.isEmpty() ? started(pod) : fulfils(pod, pendingPodConditions)) {
        return false;
      }
    }
    return true;
  }

  private static boolean started(V1Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return "Running".equals(phase) || "Succeeded".equals(phase);
  }

  private static boolean fulfils(V1Pod pod, List<String> wanted) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return false;
    }
    Set<String> fulfilled = new HashSet<>();
    for (V1PodCondition c : pod.getStatus().getConditions()) {
      if ("True".equals(c.getStatus()) && wanted.contains(c.getType())) {
        fulfilled.add(c.getType());
      }
    }
    return fulfilled.size() == new HashSet<>(wanted).size();
  }
}
