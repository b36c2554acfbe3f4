package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/** Vault credential. */
public class Credential {
  @SerializedName("token")
  private String token;

  @SerializedName("serviceAccount")
  private String serviceAccount;

  @SerializedName("serviceAccountName")
  private String serviceAccountName;

  public String getToken() {
    return token;
  }

  public Credential token(String token) {
    this.token = token;
    return this;
  }

  public String getServiceAccount() {
    return serviceAccount;
  }

  public Credential serviceAccount(String serviceAccount) {
    this.serviceAccount = serviceAccount;
    return this;
  }

  public String getServiceAccountName() {
    return serviceAccountName;
  }

  public Credential serviceAccountName(String serviceAccountName) {
    this.serviceAccountName = serviceAccountName;
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
    Credential other = (Credential) o;
    return Objects.equals(token, other.token)
        && Objects.equals(serviceAccount, other.serviceAccount)
        && Objects.equals(serviceAccountName, other.serviceAccountName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(token, serviceAccount, serviceAccountName);
  }
}
