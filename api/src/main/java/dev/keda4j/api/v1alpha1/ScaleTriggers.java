package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.Map;
import java.util.Objects;

/** One element of spec.triggers (KEDA ScaleTriggers), shared by ScaledObject and ScaledJob. */
public class ScaleTriggers {
  @CrdField(required = true, minLength = 1)
  @SerializedName("type")
  private String type;

  @SerializedName("name")
  private String name;

  @SerializedName("useCachedMetrics")
  private Boolean useCachedMetrics;

  @CrdField(required = true)
  @SerializedName("metadata")
  private Map<String, String> metadata;

  @SerializedName("authenticationRef")
  private AuthenticationRef authenticationRef;

  @CrdField(description = "ScaledObject only: AverageValue, Value or Utilization")
  @SerializedName("metricType")
  private String metricType;

  public String getType() {
    return type;
  }

  public ScaleTriggers type(String type) {
    this.type = type;
    return this;
  }

  public String getName() {
    return name;
  }

  public ScaleTriggers name(String name) {
    this.name = name;
    return this;
  }

  public Boolean getUseCachedMetrics() {
    return useCachedMetrics;
  }

  public ScaleTriggers useCachedMetrics(Boolean useCachedMetrics) {
    this.useCachedMetrics = useCachedMetrics;
    return this;
  }

  public Map<String, String> getMetadata() {
    return metadata;
  }

  public ScaleTriggers metadata(Map<String, String> metadata) {
    this.metadata = metadata;
    return this;
  }

  public AuthenticationRef getAuthenticationRef() {
    return authenticationRef;
  }

  public ScaleTriggers authenticationRef(AuthenticationRef authenticationRef) {
    this.authenticationRef = authenticationRef;
    return this;
  }

  public String getMetricType() {
    return metricType;
  }

  public ScaleTriggers metricType(String metricType) {
    this.metricType = metricType;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    ScaleTriggers other = (ScaleTriggers) o;
    return Objects.equals(type, other.type)
        && Objects.equals(name, other.name)
        && Objects.equals(useCachedMetrics, other.useCachedMetrics)
        && Objects.equals(metadata, other.metadata)
        && Objects.equals(authenticationRef, other.authenticationRef)
        && Objects.equals(metricType, other.metricType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, name, useCachedMetrics, metadata, authenticationRef, metricType);
  }
}
