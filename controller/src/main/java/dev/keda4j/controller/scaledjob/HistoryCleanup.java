package dev.keda4j.controller.scaledjob;

import dev.keda4j.api.v1alpha1.ScaledJob;
import io.kubernetes.client.openapi.models.V1Job;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** Finished jobs beyond the history limits, oldest first (scaledjob.md §4). */
public final class HistoryCleanup {
  /** KEDA's default for both limits. */
  public static final int DEFAULT_LIMIT = 100;

  // Jobs without completion time never sort before others; a stable sort keeps their order
  private static final Comparator<V1Job> BY_COMPLETION =
      (a, b) -> {
        OffsetDateTime x = JobConditions.completionTime(a);
        OffsetDateTime y = JobConditions.completionTime(b);
        if (x == null || y == null) {
          return 0;
        }
        return x.compareTo(y);
      };

  private HistoryCleanup() {}

  /** The jobs to delete, completed ones first, each kind oldest first. */
  public static List<V1Job> jobsToDelete(ScaledJob sj, List<V1Job> jobs) {
    Integer success = sj.getSpec() == null ? null : sj.getSpec().getSuccessfulJobsHistoryLimit();
    Integer failed = sj.getSpec() == null ? null : sj.getSpec().getFailedJobsHistoryLimit();
    return jobsToDelete(
        jobs, success == null ? DEFAULT_LIMIT : success, failed == null ? DEFAULT_LIMIT : failed);
  }

  public static List<V1Job> jobsToDelete(List<V1Job> jobs, int successLimit, int failedLimit) {
    List<V1Job> out = new ArrayList<>(oldestBeyond(jobs, JobConditions::complete, successLimit));
    out.addAll(oldestBeyond(jobs, JobConditions::failed, failedLimit));
    return out;
  }

  private static List<V1Job> oldestBeyond(List<V1Job> jobs, Predicate<V1Job> kind, int limit) {
    List<V1Job> matching = new ArrayList<>(jobs.stream().filter(kind).toList());
    if (matching.size() <= limit) {
      return List.of();
    }
    insertionSort(matching);
    return matching.subList(0, matching.size() - Math.max(limit, 0));
  }

  // The comparator is not transitive with nil times, which List.sort may reject; Go's sort.Slice
  // does not mind. Insertion sort gives a deterministic, stable answer for it.
  private static void insertionSort(List<V1Job> list) {
    for (int i = 1; i < list.size(); i++) {
      V1Job cur = list.get(i);
      int j = i - 1;
      while (j >= 0 && BY_COMPLETION.compare(list.get(j), cur) > 0) {
        list.set(j + 1, list.get(j));
        j--;
      }
      list.set(j + 1, cur);
    }
  }
}
