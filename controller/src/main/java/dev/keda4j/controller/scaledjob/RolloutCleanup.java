package dev.keda4j.controller.scaledjob;

import dev.keda4j.api.v1alpha1.ScaledJob;
import io.kubernetes.client.openapi.models.V1Job;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Jobs of previous ScaledJob generations to delete on update (scaledjob.md §6). */
public final class RolloutCleanup {
  private RolloutCleanup() {}

  /** {@code rolloutStrategy} (deprecated) wins over {@code rollout.strategy}. */
  public static boolean gradual(ScaledJob sj) {
    if (sj.getSpec() == null) {
      return false;
    }
    String s = sj.getSpec().getRolloutStrategy();
    if (s == null || s.isEmpty()) {
      s = sj.getSpec().getRollout() == null ? null : sj.getSpec().getRollout().getStrategy();
    }
    return "gradual".equals(s);
  }

  /** {@code Foreground} or {@code Background}. */
  public static String propagationPolicy(ScaledJob sj) {
    String p =
        sj.getSpec() == null || sj.getSpec().getRollout() == null
            ? null
            : sj.getSpec().getRollout().getPropagationPolicy();
    return p != null && "foreground".equals(p.toLowerCase(Locale.ROOT))
        ? "Foreground"
        : "Background";
  }

  /** Jobs whose generation annotation is missing or differs; none for {@code gradual}. */
  public static List<V1Job> jobsToDelete(ScaledJob sj, List<V1Job> jobs) {
    if (gradual(sj)) {
      return List.of();
    }
    String current = String.valueOf(generation(sj));
    return jobs.stream().filter(j -> !current.equals(generationOf(j))).toList();
  }

  static long generation(ScaledJob sj) {
    Long g = sj.getMetadata() == null ? null : sj.getMetadata().getGeneration();
    return g == null ? 0 : g;
  }

  private static String generationOf(V1Job job) {
    Map<String, String> a = job.getMetadata() == null ? null : job.getMetadata().getAnnotations();
    return a == null ? null : Objects.toString(a.get(JobFactory.GENERATION_ANNOTATION), null);
  }
}
