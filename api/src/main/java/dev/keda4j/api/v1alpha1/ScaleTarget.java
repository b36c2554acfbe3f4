package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/** spec.scaleTargetRef of a ScaledObject. */
public class ScaleTarget {
  @CrdField(required = true, minLength = 1)
  @SerializedName("name")
  private String name;

  @SerializedName("apiVersion")
  private String apiVersion;

  @SerializedName("kind")
  private String kind;

  @SerializedName("envSourceContainerName")
  private String envSourceContainerName;

  public String getName() {
    return name;
  }

  public ScaleTarget name(String name) {
    this.name = name;
    return this;
  }

  public String getApiVersion() {
    return apiVersion;
  }

  public ScaleTarget apiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
    return this;
  }

  public String getKind() {
    return kind;
  }

  public ScaleTarget kind(String kind) {
    this.kind = kind;
    return this;
  }

  public String getEnvSourceContainerName() {
    return envSourceContainerName;
  }

  public ScaleTarget envSourceContainerName(String envSourceContainerName) {
    this.envSourceContainerName = envSourceContainerName;
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
    ScaleTarget other = (ScaleTarget) o;
    return Objects.equals(name, other.name)
        && Objects.equals(apiVersion, other.apiVersion)
        && Objects.equals(kind, other.kind)
        && Objects.equals(envSourceContainerName, other.envSourceContainerName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, apiVersion, kind, envSourceContainerName);
  }
}
