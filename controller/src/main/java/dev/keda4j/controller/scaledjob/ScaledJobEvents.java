package dev.keda4j.controller.scaledjob;

/** KEDA's event reasons and fixed messages for ScaledJobs (scaledjob.md §9), in one place. */
public final class ScaledJobEvents {
  public static final String SCALERS_STARTED = "KEDAScalersStarted";
  public static final String SCALERS_STOPPED = "KEDAScalersStopped";
  public static final String SCALER_FAILED = "KEDAScalerFailed";
  public static final String JOBS_CREATED = "KEDAJobsCreated";
  public static final String JOB_CREATE_FAILED = "KEDAJobCreateFailed";
  public static final String ACTIVE = "ScaledJobActive";
  public static final String INACTIVE = "ScaledJobInactive";
  public static final String READY = "ScaledJobReady";
  public static final String CHECK_FAILED = "ScaledJobCheckFailed";
  public static final String UPDATE_FAILED = "ScaledJobUpdateFailed";
  public static final String PAUSED = "ScaledJobPaused";
  public static final String UNPAUSED = "ScaledJobUnpaused";
  public static final String DELETED = "ScaledJobDeleted";
  public static final String ROLLOUT_CLEANUP_STARTED = "ScaledJobRolloutCleanupStarted";
  public static final String ROLLOUT_CLEANUP_COMPLETED = "ScaledJobRolloutCleanupCompleted";
  public static final String ROLLOUT_CLEANUP_FAILED = "ScaledJobRolloutCleanupFailed";

  public static final String MSG_SCALERS_STARTED = "Started scalers watch";
  public static final String MSG_SCALERS_STOPPED = "Stopped scalers watch";
  public static final String MSG_READY_EVENT = "ScaledJob is ready for scaling";
  public static final String MSG_DELETED = "ScaledJob was deleted";
  public static final String MSG_NO_JOB_TARGET_REF = "ScaledJob.spec.jobTargetRef not found";
  public static final String MSG_BAD_TRIGGERS =
      "ScaledJob doesn't have correct triggers specification";
  public static final String MSG_NOT_CREATED_CORRECTLY =
      "Failed to ensure ScaledJob is correctly created";
  public static final String MSG_METRIC_TYPE = "Cannot set metricType in ScaledJob triggers";
  public static final String MSG_ACTIVE = "Scaling is performed because triggers are active";
  public static final String MSG_NOT_ACTIVE =
      "Scaling is not performed because triggers are not active";

  private ScaledJobEvents() {}

  public static String jobsCreated(long n) {
    return "Created " + n + " jobs";
  }

  public static String jobCreateFailed(String generateName, String error) {
    return "Failed to create job " + generateName + ": " + error;
  }

  public static String scalerBuilt(String type) {
    return "Scaler " + type + " is built";
  }

  public static String rolloutCleanupStarted(int n) {
    return "Deleting " + n + " jobs owned by the previous version of the scaledJob";
  }

  public static String rolloutCleanupCompleted(int n) {
    return "Deleted " + n + " jobs owned by the previous version of the scaledJob";
  }

  public static String rolloutCleanupFailed(String job, String error) {
    return "Failed to delete job " + job + ": " + error;
  }
}
