package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/** GCP credentials. */
public class GcpCredentials {
  @CrdField(required = true)
  @SerializedName("clientSecret")
  private ValueFromSecretHolder clientSecret;

  public ValueFromSecretHolder getClientSecret() {
    return clientSecret;
  }

  public GcpCredentials clientSecret(ValueFromSecretHolder clientSecret) {
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
    GcpCredentials other = (GcpCredentials) o;
    return Objects.equals(clientSecret, other.clientSecret);
  }

  @Override
  public int hashCode() {
    return Objects.hash(clientSecret);
  }
}
