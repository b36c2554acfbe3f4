package dev.keda4j.scalers.config;

/** Where a parameter value may come from (KEDA's parsing orders). */
public enum Source {
  /** {@code spec.triggers[i].metadata[name]}. */
  TRIGGER_METADATA("triggerMetadata"),
  /** {@code resolvedEnv[metadata[name + "FromEnv"]]}. */
  RESOLVED_ENV("resolvedEnv"),
  /** {@code authParams[name]} from the (Cluster)TriggerAuthentication. */
  AUTH_PARAMS("authParams");

  private final String kedaName;

  Source(String kedaName) {
    this.kedaName = kedaName;
  }

  /** The name KEDA prints in its messages. */
  public String kedaName() {
    return kedaName;
  }
}
