package dev.keda4j.controller.scaling.resolve;

import dev.keda4j.api.v1alpha1.KedaApi;
import dev.keda4j.api.v1alpha1.ScaleTriggers;
import dev.keda4j.api.v1alpha1.ScaledJob;
import dev.keda4j.api.v1alpha1.ScaledObject;
import dev.keda4j.scalers.spi.ScalerContext;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a trigger of a ScaledObject or ScaledJob into the {@link ScalerContext} the SPI expects.
 */
public final class TriggerContexts {
  private final Duration globalHttpTimeout;

  /** With KEDA's default HTTP timeout (3000 ms). */
  public TriggerContexts() {
    this(ScalerContext.DEFAULT_HTTP_TIMEOUT);
  }

  /**
   * @param globalHttpTimeout {@code KEDA_HTTP_DEFAULT_TIMEOUT}
   */
  public TriggerContexts(Duration globalHttpTimeout) {
    this.globalHttpTimeout =
        Objects.requireNonNullElse(globalHttpTimeout, ScalerContext.DEFAULT_HTTP_TIMEOUT);
  }

  /** Reads {@code KEDA_HTTP_DEFAULT_TIMEOUT} (milliseconds) from {@code env}; default 3000 ms. */
  public static TriggerContexts fromEnv(Map<String, String> env) {
    String v = env.get("KEDA_HTTP_DEFAULT_TIMEOUT");
    if (v != null && !v.isBlank()) {
      try {
        long ms = Long.parseLong(v.trim());
        if (ms > 0) {
          return new TriggerContexts(Duration.ofMillis(ms));
        }
      } catch (NumberFormatException ignored) {
        // KEDA falls back to the default as well
      }
    }
    return new TriggerContexts();
  }

  public Duration globalHttpTimeout() {
    return globalHttpTimeout;
  }

  /** The triggers of a ScaledObject (empty list when none). */
  public static List<ScaleTriggers> triggers(ScaledObject so) {
    return so.getSpec() == null || so.getSpec().getTriggers() == null
        ? List.of()
        : so.getSpec().getTriggers();
  }

  /** The triggers of a ScaledJob (empty list when none). */
  public static List<ScaleTriggers> triggers(ScaledJob sj) {
    return sj.getSpec() == null || sj.getSpec().getTriggers() == null
        ? List.of()
        : sj.getSpec().getTriggers();
  }

  /** True when the ScaledObject uses {@code advanced.scalingModifiers} (with a formula). */
  public static boolean usesScalingModifiers(ScaledObject so) {
    return so.getSpec() != null
        && so.getSpec().getAdvanced() != null
        && so.getSpec().getAdvanced().getScalingModifiers() != null
        && so.getSpec().getAdvanced().getScalingModifiers().getFormula() != null
        && !so.getSpec().getAdvanced().getScalingModifiers().getFormula().isEmpty();
  }

  /** The context for trigger {@code index} of a ScaledObject. */
  public ScalerContext forScaledObject(
      ScaledObject so, int index, Map<String, String> resolvedEnv, Map<String, String> auth) {
    ScaleTriggers t = triggers(so).get(index);
    return base(KedaApi.SCALED_OBJECT, so.getMetadata(), index, t, resolvedEnv, auth)
        .metricType(Objects.requireNonNullElse(t.getMetricType(), ""))
        .useCachedMetrics(Boolean.TRUE.equals(t.getUseCachedMetrics()))
        .asMetricSource(usesScalingModifiers(so))
        .build();
  }

  /**
   * The context for trigger {@code index} of a ScaledJob: {@code metricType} and {@code
   * useCachedMetrics} do not apply to ScaledJobs and are left unset.
   */
  public ScalerContext forScaledJob(
      ScaledJob sj, int index, Map<String, String> resolvedEnv, Map<String, String> auth) {
    ScaleTriggers t = triggers(sj).get(index);
    return base(KedaApi.SCALED_JOB, sj.getMetadata(), index, t, resolvedEnv, auth).build();
  }

  private ScalerContext.Builder base(
      String kind,
      V1ObjectMeta meta,
      int index,
      ScaleTriggers t,
      Map<String, String> resolvedEnv,
      Map<String, String> auth) {
    return ScalerContext.builder(Objects.requireNonNullElse(t.getType(), ""))
        .scalableObject(kind, namespace(meta), meta == null ? "" : meta.getName())
        .triggerIndex(index)
        .triggerName(Objects.requireNonNullElse(t.getName(), ""))
        .metadata(withoutNulls(t.getMetadata()))
        .resolvedEnv(resolvedEnv)
        .authParams(auth)
        .globalHttpTimeout(globalHttpTimeout);
  }

  private static Map<String, String> withoutNulls(Map<String, String> m) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    if (m != null) {
      m.forEach(
          (k, v) -> {
            if (k != null && v != null) {
              out.put(k, v);
            }
          });
    }
    return out;
  }

  /** metadata.namespace, {@code default} when unset. */
  public static String namespace(V1ObjectMeta meta) {
    return meta == null || meta.getNamespace() == null || meta.getNamespace().isEmpty()
        ? "default"
        : meta.getNamespace();
  }
}
