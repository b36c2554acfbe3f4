package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.Objects;

/** The ClusterTriggerAuthentication kind of keda.sh/v1alpha1. */
public class ClusterTriggerAuthentication implements KubernetesObject {
  /** The kind name. */
  public static final String KIND = "ClusterTriggerAuthentication";

  @SerializedName("apiVersion")
  private String apiVersion = KedaApi.API_VERSION;

  @SerializedName("kind")
  private String kind = KIND;

  @SerializedName("metadata")
  private V1ObjectMeta metadata;

  @CrdField(required = true)
  @SerializedName("spec")
  private TriggerAuthenticationSpec spec;

  @SerializedName("status")
  private TriggerAuthenticationStatus status;

  @Override
  public String getApiVersion() {
    return apiVersion;
  }

  public ClusterTriggerAuthentication apiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
    return this;
  }

  @Override
  public String getKind() {
    return kind;
  }

  public ClusterTriggerAuthentication kind(String kind) {
    this.kind = kind;
    return this;
  }

  @Override
  public V1ObjectMeta getMetadata() {
    return metadata;
  }

  public ClusterTriggerAuthentication metadata(V1ObjectMeta metadata) {
    this.metadata = metadata;
    return this;
  }

  public TriggerAuthenticationSpec getSpec() {
    return spec;
  }

  public ClusterTriggerAuthentication spec(TriggerAuthenticationSpec spec) {
    this.spec = spec;
    return this;
  }

  public TriggerAuthenticationStatus getStatus() {
    return status;
  }

  public ClusterTriggerAuthentication status(TriggerAuthenticationStatus status) {
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
    ClusterTriggerAuthentication other = (ClusterTriggerAuthentication) o;
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
