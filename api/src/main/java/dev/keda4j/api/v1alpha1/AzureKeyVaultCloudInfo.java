package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/** Azure cloud selection. */
public class AzureKeyVaultCloudInfo {
  @CrdField(required = true)
  @SerializedName("type")
  private String type;

  @SerializedName("keyVaultResourceURL")
  private String keyVaultResourceURL;

  @SerializedName("activeDirectoryEndpoint")
  private String activeDirectoryEndpoint;

  public String getType() {
    return type;
  }

  public AzureKeyVaultCloudInfo type(String type) {
    this.type = type;
    return this;
  }

  public String getKeyVaultResourceURL() {
    return keyVaultResourceURL;
  }

  public AzureKeyVaultCloudInfo keyVaultResourceURL(String keyVaultResourceURL) {
    this.keyVaultResourceURL = keyVaultResourceURL;
    return this;
  }

  public String getActiveDirectoryEndpoint() {
    return activeDirectoryEndpoint;
  }

  public AzureKeyVaultCloudInfo activeDirectoryEndpoint(String activeDirectoryEndpoint) {
    this.activeDirectoryEndpoint = activeDirectoryEndpoint;
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
    AzureKeyVaultCloudInfo other = (AzureKeyVaultCloudInfo) o;
    return Objects.equals(type, other.type)
        && Objects.equals(keyVaultResourceURL, other.keyVaultResourceURL)
        && Objects.equals(activeDirectoryEndpoint, other.activeDirectoryEndpoint);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, keyVaultResourceURL, activeDirectoryEndpoint);
  }
}
