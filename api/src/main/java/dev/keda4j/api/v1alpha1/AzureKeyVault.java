package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.List;
import java.util.Objects;

/** Azure Key Vault source. */
public class AzureKeyVault {
  @CrdField(required = true)
  @SerializedName("vaultUri")
  private String vaultUri;

  @CrdField(required = true, minItems = 1)
  @SerializedName("secrets")
  private List<AzureKeyVaultSecret> secrets;

  @SerializedName("credentials")
  private AzureKeyVaultCredentials credentials;

  @SerializedName("podIdentity")
  private AuthPodIdentity podIdentity;

  @SerializedName("cloud")
  private AzureKeyVaultCloudInfo cloud;

  public String getVaultUri() {
    return vaultUri;
  }

  public AzureKeyVault vaultUri(String vaultUri) {
    this.vaultUri = vaultUri;
    return this;
  }

  public List<AzureKeyVaultSecret> getSecrets() {
    return secrets;
  }

  public AzureKeyVault secrets(List<AzureKeyVaultSecret> secrets) {
    this.secrets = secrets;
    return this;
  }

  public AzureKeyVaultCredentials getCredentials() {
    return credentials;
  }

  public AzureKeyVault credentials(AzureKeyVaultCredentials credentials) {
    this.credentials = credentials;
    return this;
  }

  public AuthPodIdentity getPodIdentity() {
    return podIdentity;
  }

  public AzureKeyVault podIdentity(AuthPodIdentity podIdentity) {
    this.podIdentity = podIdentity;
    return this;
  }

  public AzureKeyVaultCloudInfo getCloud() {
    return cloud;
  }

  public AzureKeyVault cloud(AzureKeyVaultCloudInfo cloud) {
    this.cloud = cloud;
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
    AzureKeyVault other = (AzureKeyVault) o;
    return Objects.equals(vaultUri, other.vaultUri)
        && Objects.equals(secrets, other.secrets)
        && Objects.equals(credentials, other.credentials)
        && Objects.equals(podIdentity, other.podIdentity)
        && Objects.equals(cloud, other.cloud);
  }

  @Override
  public int hashCode() {
    return Objects.hash(vaultUri, secrets, credentials, podIdentity, cloud);
  }
}
