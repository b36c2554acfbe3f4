package dev.keda4j.scalers.spi;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything a scaler is built from (KEDA's {@code ScalerConfig}). Re-resolved and rebuilt after
 * errors, so it holds plain values only.
 *
 * @param scalableObjectKind {@code ScaledObject} or {@code ScaledJob}
 * @param namespace namespace of the scalable object
 * @param name name of the scalable object
 * @param triggerIndex 0-based index of the trigger
 * @param triggerName {@code spec.triggers[i].name} ("" if none)
 * @param triggerType {@code spec.triggers[i].type}
 * @param metadata {@code spec.triggers[i].metadata}
 * @param resolvedEnv environment of the scale target's container
 * @param authParams parameters from the referenced (Cluster)TriggerAuthentication
 * @param metricType the trigger's {@code metricType} ("" if unset)
 * @param useCachedMetrics the trigger's {@code useCachedMetrics}
 * @param asMetricSource true when the object uses scalingModifiers
 * @param globalHttpTimeout {@code KEDA_HTTP_DEFAULT_TIMEOUT} (default 3000 ms)
 */
public record ScalerContext(
    String scalableObjectKind,
    String namespace,
    String name,
    int triggerIndex,
    String triggerName,
    String triggerType,
    Map<String, String> metadata,
    Map<String, String> resolvedEnv,
    Map<String, String> authParams,
    String metricType,
    boolean useCachedMetrics,
    boolean asMetricSource,
    Duration globalHttpTimeout) {

  public static final Duration DEFAULT_HTTP_TIMEOUT = Duration.ofMillis(3000);

  public ScalerContext {
    scalableObjectKind = Objects.requireNonNullElse(scalableObjectKind, "ScaledObject");
    namespace = Objects.requireNonNullElse(namespace, "");
    name = Objects.requireNonNullElse(name, "");
    triggerName = Objects.requireNonNullElse(triggerName, "");
    triggerType = Objects.requireNonNull(triggerType, "triggerType");
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    resolvedEnv = resolvedEnv == null ? Map.of() : Map.copyOf(resolvedEnv);
    authParams = authParams == null ? Map.of() : Map.copyOf(authParams);
    metricType = Objects.requireNonNullElse(metricType, "");
    globalHttpTimeout = Objects.requireNonNullElse(globalHttpTimeout, DEFAULT_HTTP_TIMEOUT);
  }

  /** {@code <Kind>-<ns>-<name>-<index>}. */
  public String triggerUniqueKey() {
    return scalableObjectKind + "-" + namespace + "-" + name + "-" + triggerIndex;
  }

  /** KEDA's external metric name for this trigger: {@code s<index>-<normalised base>}. */
  public String metricName(String base) {
    return MetricNames.forTrigger(triggerIndex, base);
  }

  /** The external target type for this trigger's {@code metricType}. */
  public MetricTargetType externalTargetType() {
    return MetricTargetType.forExternal(metricType);
  }

  /** Env and auth values are secrets: only their keys are printed. */
  @Override
  public String toString() {
    return "ScalerContext["
        + triggerUniqueKey()
        + ", type="
        + triggerType
        + ", triggerName="
        + triggerName
        + ", metadataKeys="
        + new TreeMap<>(metadata).keySet()
        + ", resolvedEnvKeys="
        + new TreeMap<>(resolvedEnv).keySet()
        + ", authParamKeys="
        + new TreeMap<>(authParams).keySet()
        + ", metricType="
        + metricType
        + "]";
  }

  /** A builder, mostly for tests and the controller's trigger resolution. */
  public static Builder builder(String triggerType) {
    return new Builder(triggerType);
  }

  /** Builder for {@link ScalerContext}. */
  public static final class Builder {
    private String kind = "ScaledObject";
    private String namespace = "default";
    private String name = "";
    private int triggerIndex;
    private String triggerName = "";
    private final String triggerType;
    private Map<String, String> metadata = Map.of();
    private Map<String, String> resolvedEnv = Map.of();
    private Map<String, String> authParams = Map.of();
    private String metricType = "";
    private boolean useCachedMetrics;
    private boolean asMetricSource;
    private Duration globalHttpTimeout = DEFAULT_HTTP_TIMEOUT;

    private Builder(String triggerType) {
      this.triggerType = triggerType;
    }

    public Builder scalableObject(String kind, String namespace, String name) {
      this.kind = kind;
      this.namespace = namespace;
      this.name = name;
      return this;
    }

    public Builder triggerIndex(int i) {
      this.triggerIndex = i;
      return this;
    }

    public Builder triggerName(String n) {
      this.triggerName = n;
      return this;
    }

    public Builder metadata(Map<String, String> m) {
      this.metadata = m;
      return this;
    }

    public Builder resolvedEnv(Map<String, String> m) {
      this.resolvedEnv = m;
      return this;
    }

    public Builder authParams(Map<String, String> m) {
      this.authParams = m;
      return this;
    }

    public Builder metricType(String t) {
      this.metricType = t;
      return this;
    }

    public Builder useCachedMetrics(boolean b) {
      this.useCachedMetrics = b;
      return this;
    }

    public Builder asMetricSource(boolean b) {
      this.asMetricSource = b;
      return this;
    }

    public Builder globalHttpTimeout(Duration d) {
      this.globalHttpTimeout = d;
      return this;
    }

    public ScalerContext build() {
      return new ScalerContext(
          kind,
          namespace,
          name,
          triggerIndex,
          triggerName,
          triggerType,
          metadata,
          resolvedEnv,
          authParams,
          metricType,
          useCachedMetrics,
          asMetricSource,
          globalHttpTimeout);
    }
  }
}
