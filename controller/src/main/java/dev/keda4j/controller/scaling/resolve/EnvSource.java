package dev.keda4j.controller.scaling.resolve;

import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The environments of a workload's containers, as the {@link AuthResolver} needs them for {@code
 * env[]} entries (which may name another container than the scale target's env source).
 */
@FunctionalInterface
public interface EnvSource {
  /**
   * The env of {@code containerName}; null or "" means the env source container
   * (envSourceContainerName or the first container).
   */
  EnvResolution container(String containerName);

  /** Env resolved lazily (and once per container) from a pod template. */
  static EnvSource of(
      EnvResolver resolver, V1PodTemplateSpec template, String envSourceContainer, String ns) {
    Map<String, EnvResolution> cache = new HashMap<>();
    return name -> {
      String c =
          name == null || name.isEmpty()
              ? Objects.requireNonNullElse(envSourceContainer, "")
              : name;
      return cache.computeIfAbsent(c, k -> resolver.resolve(template, k, ns));
    };
  }

  /**
   * For a workload that cannot be read (offline: not in the given files): every variable of every
   * container may come from {@code workload}, which is reported missing.
   */
  static EnvSource unknownWorkload(ObjectRef workload) {
    EnvResolution r =
        new EnvResolution(
            "",
            Map.of(),
            List.of(ResolveProblem.missing("", workload)),
            List.of(new EnvResolution.UnresolvedSource("", "", workload)));
    return name -> r;
  }
}
