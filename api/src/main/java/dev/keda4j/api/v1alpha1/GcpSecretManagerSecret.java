package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/** One GCP secret. */
public class GcpSecretManagerSecret {
  @CrdField(required = true)
  @SerializedName("parameter")
  private String parameter;

  @CrdField(required = true)
  @SerializedName("id")
  private String id;

  @SerializedName("version")
  private String version;

  public String getParameter() {
    return parameter;
  }

  public GcpSecretManagerSecret parameter(String parameter) {
    this.parameter = parameter;
    return this;
  }

  public String getId() {
    return id;
  }

  public GcpSecretManagerSecret id(String id) {
    this.id = id;
    return this;
  }

  public String getVersion() {
    return version;
  }

  public GcpSecretManagerSecret version(String version) {
    this.version = version;
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
    GcpSecretManagerSecret other = (GcpSecretManagerSecret) o;
    return Objects.equals(parameter, other.parameter)
        && Objects.equals(id, other.id)
        && Objects.equals(version, other.version);
  }

  @Override
  public int hashCode() {
    return Objects.hash(parameter, id, version);
  }
}
