package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.List;
import java.util.Objects;

/** HashiCorp Vault source. */
public class HashiCorpVault {
  @CrdField(required = true)
  @SerializedName("address")
  private String address;

  @SerializedName("namespace")
  private String namespace;

  @CrdField(
      required = true,
      enumValues = {"token", "kubernetes"})
  @SerializedName("authentication")
  private String authentication;

  @CrdField(required = true, minItems = 1)
  @SerializedName("secrets")
  private List<VaultSecret> secrets;

  @SerializedName("credential")
  private Credential credential;

  @SerializedName("role")
  private String role;

  @SerializedName("mount")
  private String mount;

  public String getAddress() {
    return address;
  }

  public HashiCorpVault address(String address) {
    this.address = address;
    return this;
  }

  public String getNamespace() {
    return namespace;
  }

  public HashiCorpVault namespace(String namespace) {
    this.namespace = namespace;
    return this;
  }

  public String getAuthentication() {
    return authentication;
  }

  public HashiCorpVault authentication(String authentication) {
    this.authentication = authentication;
    return this;
  }

  public List<VaultSecret> getSecrets() {
    return secrets;
  }

  public HashiCorpVault secrets(List<VaultSecret> secrets) {
    this.secrets = secrets;
    return this;
  }

  public Credential getCredential() {
    return credential;
  }

  public HashiCorpVault credential(Credential credential) {
    this.credential = credential;
    return this;
  }

  public String getRole() {
    return role;
  }

  public HashiCorpVault role(String role) {
    this.role = role;
    return this;
  }

  public String getMount() {
    return mount;
  }

  public HashiCorpVault mount(String mount) {
    this.mount = mount;
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
    HashiCorpVault other = (HashiCorpVault) o;
    return Objects.equals(address, other.address)
        && Objects.equals(namespace, other.namespace)
        && Objects.equals(authentication, other.authentication)
        && Objects.equals(secrets, other.secrets)
        && Objects.equals(credential, other.credential)
        && Objects.equals(role, other.role)
        && Objects.equals(mount, other.mount);
  }

  @Override
  public int hashCode() {
    return Objects.hash(address, namespace, authentication, secrets, credential, role, mount);
  }
}
