package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.Objects;

/** The ScaledJob kind of keda.sh/v1alpha1. */
public class ScaledJob implements KubernetesObject {
  /** The kind name. */
  public static final String KIND = "ScaledJob";

  @SerializedName("apiVersion")
  private String apiVersion = KedaApi.API_VERSION;

  @SerializedName("kind")
  private String kind = KIND;

  @SerializedName("metadata")
  private V1ObjectMeta metadata;

  @CrdField(required = true)
  @SerializedName("spec")
  private ScaledJobSpec spec;

  @SerializedName("status")
  private ScaledJobStatus status;

  @Override
  public String getApiVersion() {
    return apiVersion;
  }

  public ScaledJob apiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
    return this;
  }

  @Override
  public String getKind() {
    return kind;
  }

  public ScaledJob kind(String kind) {
    this.kind = kind;
    return this;
  }

  @Override
  public V1ObjectMeta getMetadata() {
    return metadata;
  }

  public ScaledJob metadata(V1ObjectMeta metadata) {
    this.metadata = metadata;
    return this;
  }

  public ScaledJobSpec getSpec() {
    return spec;
  }

  public ScaledJob spec(ScaledJobSpec spec) {
    this.spec = spec;
    return this;
  }

  public ScaledJobStatus getStatus() {
    return status;
  }

  public ScaledJob status(ScaledJobStatus status) {
    this.status = status;
    return this;
  }

  /** KEDA's {@code ScaledJob.MinReplicaCount()}: see {@link ReplicaCounts#scaledJobMin}. */
  public int minReplicaCount() {
    return spec == null
        ? 0
        : ReplicaCounts.scaledJobMin(spec.getMinReplicaCount(), spec.getMaxReplicaCount());
  }

  /** KEDA's {@code ScaledJob.MaxReplicaCount()}: see {@link ReplicaCounts#scaledJobMax}. */
  public int maxReplicaCount() {
    return spec == null
        ? ReplicaCounts.DEFAULT_MAX_REPLICA_COUNT
        : ReplicaCounts.scaledJobMax(spec.getMinReplicaCount(), spec.getMaxReplicaCount());
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    ScaledJob other = (ScaledJob) o;
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
