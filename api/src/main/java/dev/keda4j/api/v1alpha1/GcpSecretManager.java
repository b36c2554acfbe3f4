package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.List;
import java.util.Objects;

/** GCP Secret Manager source. */
public class GcpSecretManager {
  @CrdField(required = true, minItems = 1)
  @SerializedName("secrets")
  private List<GcpSecretManagerSecret> secrets;

  @SerializedName("credentials")
  private GcpCredentials credentials;

  @SerializedName("podIdentity")
  private AuthPodIdentity podIdentity;

  public List<GcpSecretManagerSecret> getSecrets() {
    return secrets;
  }

  public GcpSecretManager secrets(List<GcpSecretManagerSecret> secrets) {
    this.secrets = secrets;
    return this;
  }

  public GcpCredentials getCredentials() {
    return credentials;
  }

  public GcpSecretManager credentials(GcpCredentials credentials) {
    this.credentials = credentials;
    return this;
  }

  public AuthPodIdentity getPodIdentity() {
    return podIdentity;
  }

  public GcpSecretManager podIdentity(AuthPodIdentity podIdentity) {
    this.podIdentity = podIdentity;
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
    GcpSecretManager other = (GcpSecretManager) o;
    return Objects.equals(secrets, other.secrets)
        && Objects.equals(credentials, other.credentials)
        && Objects.equals(podIdentity, other.podIdentity);
  }

  @Override
  public int hashCode() {
    return Objects.hash(secrets, credentials, podIdentity);
  }
}
