package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/** AWS static credentials. */
public class AwsSecretManagerCredentials {
  @CrdField(required = true)
  @SerializedName("accessKey")
  private ValueFromSecretHolder accessKey;

  @CrdField(required = true)
  @SerializedName("accessSecretKey")
  private ValueFromSecretHolder accessSecretKey;

  @SerializedName("accessToken")
  private ValueFromSecretHolder accessToken;

  public ValueFromSecretHolder getAccessKey() {
    return accessKey;
  }

  public AwsSecretManagerCredentials accessKey(ValueFromSecretHolder accessKey) {
    this.accessKey = accessKey;
    return this;
  }

  public ValueFromSecretHolder getAccessSecretKey() {
    return accessSecretKey;
  }

  public AwsSecretManagerCredentials accessSecretKey(ValueFromSecretHolder accessSecretKey) {
    this.accessSecretKey = accessSecretKey;
    return this;
  }

  public ValueFromSecretHolder getAccessToken() {
    return accessToken;
  }

  public AwsSecretManagerCredentials accessToken(ValueFromSecretHolder accessToken) {
    this.accessToken = accessToken;
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
    AwsSecretManagerCredentials other = (AwsSecretManagerCredentials) o;
    return Objects.equals(accessKey, other.accessKey)
        && Objects.equals(accessSecretKey, other.accessSecretKey)
        && Objects.equals(accessToken, other.accessToken);
  }

  @Override
  public int hashCode() {
    return Objects.hash(accessKey, accessSecretKey, accessToken);
  }
}
