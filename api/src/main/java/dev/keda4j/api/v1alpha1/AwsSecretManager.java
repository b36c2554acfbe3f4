package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.List;
import java.util.Objects;

/** AWS Secrets Manager source. */
public class AwsSecretManager {
  @CrdField(required = true, minItems = 1)
  @SerializedName("secrets")
  private List<AwsSecretManagerSecret> secrets;

  @SerializedName("credentials")
  private AwsSecretManagerCredentials credentials;

  @SerializedName("podIdentity")
  private AuthPodIdentity podIdentity;

  @SerializedName("region")
  private String region;

  public List<AwsSecretManagerSecret> getSecrets() {
    return secrets;
  }

  public AwsSecretManager secrets(List<AwsSecretManagerSecret> secrets) {
    this.secrets = secrets;
    return this;
  }

  public AwsSecretManagerCredentials getCredentials() {
    return credentials;
  }

  public AwsSecretManager credentials(AwsSecretManagerCredentials credentials) {
    this.credentials = credentials;
    return this;
  }

  public AuthPodIdentity getPodIdentity() {
    return podIdentity;
  }

  public AwsSecretManager podIdentity(AuthPodIdentity podIdentity) {
    this.podIdentity = podIdentity;
    return this;
  }

  public String getRegion() {
    return region;
  }

  public AwsSecretManager region(String region) {
    this.region = region;
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
    AwsSecretManager other = (AwsSecretManager) o;
    return Objects.equals(secrets, other.secrets)
        && Objects.equals(credentials, other.credentials)
        && Objects.equals(podIdentity, other.podIdentity)
        && Objects.equals(region, other.region);
  }

  @Override
  public int hashCode() {
    return Objects.hash(secrets, credentials, podIdentity, region);
  }
}
