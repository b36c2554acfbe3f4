package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/** status.scaleTargetGVKR. */
public class GroupVersionKindResource {
  @CrdField(required = true)
  @SerializedName("group")
  private String group;

  @CrdField(required = true)
  @SerializedName("version")
  private String version;

  @CrdField(required = true)
  @SerializedName("kind")
  private String kind;

  @CrdField(required = true)
  @SerializedName("resource")
  private String resource;

  public String getGroup() {
    return group;
  }

  public GroupVersionKindResource group(String group) {
    this.group = group;
    return this;
  }

  public String getVersion() {
    return version;
  }

  public GroupVersionKindResource version(String version) {
    this.version = version;
    return this;
  }

  public String getKind() {
    return kind;
  }

  public GroupVersionKindResource kind(String kind) {
    this.kind = kind;
    return this;
  }

  public String getResource() {
    return resource;
  }

  public GroupVersionKindResource resource(String resource) {
    this.resource = resource;
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
    GroupVersionKindResource other = (GroupVersionKindResource) o;
    return Objects.equals(group, other.group)
        && Objects.equals(version, other.version)
        && Objects.equals(kind, other.kind)
        && Objects.equals(resource, other.resource);
  }

  @Override
  public int hashCode() {
    return Objects.hash(group, version, kind, resource);
  }
}
