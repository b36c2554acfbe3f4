package dev.keda4j.controller.k8s;

import io.kubernetes.client.common.KubernetesObject;

/**
 * Records core/v1 Events on an object. Never throws: an event that cannot be written is logged.
 * Messages must not contain secrets.
 */
public interface EventRecorder {
  String NORMAL = "Normal";
  String WARNING = "Warning";

  void record(KubernetesObject object, String type, String reason, String message);

  default void normal(KubernetesObject object, String reason, String message) {
    record(object, NORMAL, reason, message);
  }

  default void warning(KubernetesObject object, String reason, String message) {
    record(object, WARNING, reason, message);
  }
}
