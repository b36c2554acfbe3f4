package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/** One Vault secret. */
public class VaultSecret {
  @CrdField(required = true)
  @SerializedName("parameter")
  private String parameter;

  @CrdField(required = true)
  @SerializedName("path")
  private String path;

  @CrdField(required = true)
  @SerializedName("key")
  private String key;

  @CrdField(enumValues = {"", "secretV2", "secret", "pki"})
  @SerializedName("type")
  private String type;

  @SerializedName("pkiData")
  private VaultPkiData pkiData;

  public String getParameter() {
    return parameter;
  }

  public VaultSecret parameter(String parameter) {
    this.parameter = parameter;
    return this;
  }

  public String getPath() {
    return path;
  }

  public VaultSecret path(String path) {
    this.path = path;
    return this;
  }

  public String getKey() {
    return key;
  }

  public VaultSecret key(String key) {
    this.key = key;
    return this;
  }

  public String getType() {
    return type;
  }

  public VaultSecret type(String type) {
    this.type = type;
    return this;
  }

  public VaultPkiData getPkiData() {
    return pkiData;
  }

  public VaultSecret pkiData(VaultPkiData pkiData) {
    this.pkiData = pkiData;
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
    VaultSecret other = (VaultSecret) o;
    return Objects.equals(parameter, other.parameter)
        && Objects.equals(path, other.path)
        && Objects.equals(key, other.key)
        && Objects.equals(type, other.type)
        && Objects.equals(pkiData, other.pkiData);
  }

  @Override
  public int hashCode() {
    return Objects.hash(parameter, path, key, type, pkiData);
  }
}
