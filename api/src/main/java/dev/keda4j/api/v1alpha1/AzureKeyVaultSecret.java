package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/** One Azure Key Vault secret. */
public class AzureKeyVaultSecret {
  @CrdField(required = true)
  @SerializedName("parameter")
  private String parameter;

  @CrdField(required = true)
  @SerializedName("name")
  private String name;

  @SerializedName("version")
  private String version;

  public String getParameter() {
    return parameter;
  }

  public AzureKeyVaultSecret parameter(String parameter) {
    this.parameter = parameter;
    return this;
  }

  public String getName() {
    return name;
  }

  public AzureKeyVaultSecret name(String name) {
    this.name = name;
    return this;
  }

  public String getVersion() {
    return version;
  }

  public AzureKeyVaultSecret version(String version) {
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
    AzureKeyVaultSecret other = (AzureKeyVaultSecret) o;
    return Objects.equals(parameter, other.parameter)
        && Objects.equals(name, other.name)
        && Objects.equals(version, other.version);
  }

  @Override
  public int hashCode() {
    return Objects.hash(parameter, name, version);
  }
}
