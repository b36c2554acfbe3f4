package dev.keda4j.controller.scaledjob;

import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1JobCondition;
import java.time.OffsetDateTime;

/** What a Job's status conditions say about it. */
public final class JobConditions {
  private JobConditions() {}

  public static boolean complete(V1Job job) {
    return hasTrue(job, "Complete");
  }

  public static boolean failed(V1Job job) {
    return hasTrue(job, "Failed");
  }

  /** Complete or Failed. */
  public static boolean finished(V1Job job) {
    return complete(job) || failed(job);
  }

  /** {@code status.completionTime}, or null. */
  public static OffsetDateTime completionTime(V1Job job) {
    return job.getStatus() == null ? null : job.getStatus().getCompletionTime();
  }

  private static boolean hasTrue(V1Job job, String type) {
    if (job.getStatus() == null || job.getStatus().getConditions() == null) {
      return false;
    }
    for (V1JobCondition c : job.getStatus().getConditions()) {
      if (type.equals(c.getType()) && "True".equals(c.getStatus())) {
        return true;
      }
    }
    return false;
  }
}
