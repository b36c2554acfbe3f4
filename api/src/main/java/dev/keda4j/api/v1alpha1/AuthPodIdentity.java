package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/** Pod identity provider configuration. */
public class AuthPodIdentity {
  @CrdField(
      required = true,
      enumValues = {"azure-workload", "gcp", "aws", "aws-eks", "none"})
  @SerializedName("provider")
  private String provider;

  @SerializedName("identityId")
  private String identityId;

  @SerializedName("identityTenantId")
  private String identityTenantId;

  @SerializedName("identityAuthorityHost")
  private String identityAuthorityHost;

  @SerializedName("roleArn")
  private String roleArn;

  @SerializedName("externalID")
  private String externalId;

  @CrdField(enumValues = {"keda", "workload"})
  @SerializedName("identityOwner")
  private String identityOwner;

  public String getProvider() {
    return provider;
  }

  public AuthPodIdentity provider(String provider) {
    this.provider = provider;
    return this;
  }

  public String getIdentityId() {
    return identityId;
  }

  public AuthPodIdentity identityId(String identityId) {
    this.identityId = identityId;
    return this;
  }

  public String getIdentityTenantId() {
    return identityTenantId;
  }

  public AuthPodIdentity identityTenantId(String identityTenantId) {
    this.identityTenantId = identityTenantId;
    return this;
  }

  public String getIdentityAuthorityHost() {
    return identityAuthorityHost;
  }

  public AuthPodIdentity identityAuthorityHost(String identityAuthorityHost) {
    this.identityAuthorityHost = identityAuthorityHost;
    return this;
  }

  public String getRoleArn() {
    return roleArn;
  }

  public AuthPodIdentity roleArn(String roleArn) {
    this.roleArn = roleArn;
    return this;
  }

  public String getExternalId() {
    return externalId;
  }

  public AuthPodIdentity externalId(String externalId) {
    this.externalId = externalId;
    return this;
  }

  public String getIdentityOwner() {
    return identityOwner;
  }

  public AuthPodIdentity identityOwner(String identityOwner) {
    this.identityOwner = identityOwner;
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
    AuthPodIdentity other = (AuthPodIdentity) o;
    return Objects.equals(provider, other.provider)
        && Objects.equals(identityId, other.identityId)
        && Objects.equals(identityTenantId, other.identityTenantId)
        && Objects.equals(identityAuthorityHost, other.identityAuthorityHost)
        && Objects.equals(roleArn, other.roleArn)
        && Objects.equals(externalId, other.externalId)
        && Objects.equals(identityOwner, other.identityOwner);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        provider,
        identityId,
        identityTenantId,
        identityAuthorityHost,
        roleArn,
        externalId,
        identityOwner);
  }
}
