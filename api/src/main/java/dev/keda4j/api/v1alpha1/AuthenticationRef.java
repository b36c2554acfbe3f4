package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/** Reference to a (Cluster)TriggerAuthentication. */
public class AuthenticationRef {
  @CrdField(required = true)
  @SerializedName("name")
  private String name;

  @CrdField(enumValues = {"TriggerAuthentication", "ClusterTriggerAuthentication"})
  @SerializedName("kind")
  private String kind;

  public String getName() {
    return name;
  }

  public AuthenticationRef name(String name) {
    this.name = name;
    return this;
  }

  public String getKind() {
    return kind;
  }

  public AuthenticationRef kind(String kind) {
    this.kind = kind;
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
    AuthenticationRef other = (AuthenticationRef) o;
    return Objects.equals(name, other.name) && Objects.equals(kind, other.kind);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, kind);
  }
}
