package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/** Azure Key Vault service principal credentials. */
public class AzureKeyVaultCredentials {
  @CrdField(required = true)
  @SerializedName("clientId")
  private String clientId;

  @CrdField(required = true)
  @SerializedName("tenantId")
  private String tenantId;

  @CrdField(required = true)
  @SerializedName("clientSecret")
  private ValueFromSecretHolder clientSecret;

  public String getClientId() {
    return clientId;
  }

  public AzureKeyVaultCredentials clientId(String clientId) {
    this.clientId = clientId;
    return this;
  }

  public String getTenantId() {
    return tenantId;
  }

  public AzureKeyVaultCredentials tenantId(String tenantId) {
    this.tenantId = tenantId;
    return this;
  }

  public ValueFromSecretHolder getClientSecret() {
    return clientSecret;
  }

  public AzureKeyVaultCredentials clientSecret(ValueFromSecretHolder clientSecret) {
    this.clientSecret = clientSecret;
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
    AzureKeyVaultCredentials other = (AzureKeyVaultCredentials) o;
    return Objects.equals(clientId, other.clientId)
        && Objects.equals(tenantId, other.tenantId)
        && Objects.equals(clientSecret, other.clientSecret);
  }

  @Override
  public int hashCode() {
    return Objects.hash(clientId, tenantId, clientSecret);
  }
}
