package dev.keda4j.scalers.workload;

/** The pods could not be counted (no client, or the API call failed). */
public final class WorkloadScalerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  WorkloadScalerException(String message, Throwable cause) {
    super(message, cause);
  }
}
