package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.openapi.models.V1ListMeta;
import java.util.List;
import java.util.Objects;

/** A list of ScaledJob. */
public class ScaledJobList implements KubernetesListObject {
  /** The kind name. */
  public static final String KIND = "ScaledJobList";

  @SerializedName("apiVersion")
  private String apiVersion = KedaApi.API_VERSION;

  @SerializedName("kind")
  private String kind = KIND;

  @SerializedName("metadata")
  private V1ListMeta metadata;

  @CrdField(required = true)
  @SerializedName("items")
  private List<ScaledJob> items = new java.util.ArrayList<>();

  @Override
  public String getApiVersion() {
    return apiVersion;
  }

  public ScaledJobList apiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
    return this;
  }

  @Override
  public String getKind() {
    return kind;
  }

  public ScaledJobList kind(String kind) {
    this.kind = kind;
    return this;
  }

  @Override
  public V1ListMeta getMetadata() {
    return metadata;
  }

  public ScaledJobList metadata(V1ListMeta metadata) {
    this.metadata = metadata;
    return this;
  }

  @Override
  public List<ScaledJob> getItems() {
    return items;
  }

  public ScaledJobList items(List<ScaledJob> items) {
    this.items = items;
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
    ScaledJobList other = (ScaledJobList) o;
    return Objects.equals(apiVersion, other.apiVersion)
        && Objects.equals(kind, other.kind)
        && Objects.equals(metadata, other.metadata)
        && Objects.equals(items, other.items);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiVersion, kind, metadata, items);
  }
}
