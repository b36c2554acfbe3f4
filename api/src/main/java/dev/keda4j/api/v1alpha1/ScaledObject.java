package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.Objects;

/** The ScaledObject kind of keda.sh/v1alpha1. */
public class ScaledObject implements KubernetesObject {
  /** The kind name. */
  public static final String KIND = "ScaledObject";

  @SerializedName("apiVersion")
  private String apiVersion = KedaApi.API_VERSION;

  @SerializedName("kind")
  private String kind = KIND;

  @SerializedName("metadata")
  private V1ObjectMeta metadata;

  @CrdField(required = true)
  @SerializedName("spec")
  private ScaledObjectSpec spec;

  @SerializedName("status")
  private ScaledObjectStatus status;

  @Override
  public String getApiVersion() {
    return apiVersion;
  }

  public ScaledObject apiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
    return this;
  }

  @Override
  public String getKind() {
    return kind;
  }

  public ScaledObject kind(String kind) {
    this.kind = kind;
    return this;
  }

  @Override
  public V1ObjectMeta getMetadata() {
    return metadata;
  }

  public ScaledObject metadata(V1ObjectMeta metadata) {
    this.metadata = metadata;
    return this;
  }

  public ScaledObjectSpec getSpec() {
    return spec;
  }

  public ScaledObject spec(ScaledObjectSpec spec) {
    this.spec = spec;
    return this;
  }

  public ScaledObjectStatus getStatus() {
    return status;
  }

  public ScaledObject status(ScaledObjectStatus status) {
    this.status = status;
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
    ScaledObject other = (ScaledObject) o;
    return Objects.equals(apiVersion, other.apiVersion)
        && Objects.equals(kind, other.kind)
        && Objects.equals(metadata, other.metadata)
        && Objects.equals(spec, other.spec)
        && Objects.equals(status, other.status);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiVersion, kind, metadata, spec, status);
  }
}
