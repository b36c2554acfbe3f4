package dev.keda4j.controller.metrics;

import java.util.List;
import java.util.Objects;

/**
 * One object counted by {@code keda_resource_registered_total} (and, for ScaledObjects and
 * ScaledJobs, its triggers by {@code keda_trigger_registered_total}).
 *
 * @param kind {@code scaled_object}, {@code scaled_job}, {@code trigger_authentication} or {@code
 *     cluster_trigger_authentication}
 * @param namespace the object's namespace; null or empty is counted under {@code default}, as KEDA
 * @param triggerTypes the trigger types of a ScaledObject or ScaledJob, empty otherwise
 */
public record Registered(String kind, String namespace, List<String> triggerTypes) {

  public static final String SCALED_OBJECT = "scaled_object";
  public static final String SCALED_JOB = "scaled_job";
  public static final String TRIGGER_AUTHENTICATION = "trigger_authentication";
  public static final String CLUSTER_TRIGGER_AUTHENTICATION = "cluster_trigger_authentication";

  public Registered {
    Objects.requireNonNull(kind, "kind");
    namespace = namespace == null || namespace.isEmpty() ? "default" : namespace;
    triggerTypes = triggerTypes == null ? List.of() : List.copyOf(triggerTypes);
  }
}
