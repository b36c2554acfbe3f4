package dev.keda4j.controller.scaledjob;

import dev.keda4j.api.v1alpha1.ScaledJob;
import io.kubernetes.client.openapi.models.V1Job;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /**
   * How to delete {@code expired} with the fewest API writes, deleting exactly those Jobs.
   *
   * @param batches batch label values whose every listed Job is expired: one {@code
   *     deletecollection} each
   * @param singles the other expired Jobs, in {@code expired}'s order: one {@code DELETE} each
   */
  public record Deletion(List<String> batches, List<V1Job> singles) {
    public Deletion {
      batches = List.copyOf(batches);
      singles = List.copyOf(singles);
    }

    /** API writes this deletion takes. */
    public int writes() {
      return batches.size() + singles.size();
    }
  }

  /**
   * Groups {@code expired} by {@link JobFactory#BATCH_LABEL}: a batch is deleted as a whole only
   * when every Job of {@code listed} that carries its label is expired (and it holds two or more),
   * so the set of deleted Jobs is exactly {@code expired}. Batch labels are unique per poll and a
   * poll's creates all end before the next poll lists, so {@code listed} holds every member.
   *
   * @param listed every Job of the ScaledJob as this poll listed them
   * @param expired the Jobs to delete ({@link #jobsToDelete}), a subset of {@code listed}
   */
  public static Deletion plan(List<V1Job> listed, List<V1Job> expired) {
    Map<String, Integer> members = new HashMap<>();
    for (V1Job j : listed) {
      String b = JobFactory.batch(j);
      if (b != null) {
        members.merge(b, 1, Integer::sum);
      }
    }
    Map<String, Integer> expiredMembers = new LinkedHashMap<>();
    for (V1Job j : expired) {
      String b = JobFactory.batch(j);
      if (b != null) {
        expiredMembers.merge(b, 1, Integer::sum);
      }
    }
    Set<String> whole = new LinkedHashSet<>();
    expiredMembers.forEach(
        (b, n) -> {
          if (n >= 2 && n.equals(members.get(b))) {
            whole.add(b);
          }
        });
    List<V1Job> singles = new ArrayList<>();
    for (V1Job j : expired) {
      String b = JobFactory.batch(j);
      if (b == null || !whole.contains(b)) {
        singles.add(j);
      }
    }
    return new Deletion(new ArrayList<>(whole), singles);
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
