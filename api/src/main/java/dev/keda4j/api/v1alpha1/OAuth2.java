package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** OAuth2 client-credentials token source. */
public class OAuth2 {
  // no enum in the CRD: the webhook checks the type (and skips it for some providers, a KEDA quirk)
  @CrdField(defaultValue = "clientCredentials")
  @SerializedName("type")
  private String type;

  @CrdField(required = true)
  @SerializedName("clientId")
  private String clientId;

  @SerializedName("clientSecret")
  private ValueFromSecretHolder clientSecret;

  @CrdField(required = true)
  @SerializedName("tokenUrl")
  private String tokenUrl;

  @SerializedName("scopes")
  private List<String> scopes;

  @SerializedName("tokenUrlParams")
  private Map<String, String> tokenUrlParams;

  public String getType() {
    return type;
  }

  public OAuth2 type(String type) {
    this.type = type;
    return this;
  }

  public String getClientId() {
    return clientId;
  }

  public OAuth2 clientId(String clientId) {
    this.clientId = clientId;
    return this;
  }

  public ValueFromSecretHolder getClientSecret() {
    return clientSecret;
  }

  public OAuth2 clientSecret(ValueFromSecretHolder clientSecret) {
    this.clientSecret = clientSecret;
    return this;
  }

  public String getTokenUrl() {
    return tokenUrl;
  }

  public OAuth2 tokenUrl(String tokenUrl) {
    this.tokenUrl = tokenUrl;
    return this;
  }

  public List<String> getScopes() {
    return scopes;
  }

  public OAuth2 scopes(List<String> scopes) {
    this.scopes = scopes;
    return this;
  }

  public Map<String, String> getTokenUrlParams() {
    return tokenUrlParams;
  }

  public OAuth2 tokenUrlParams(Map<String, String> tokenUrlParams) {
    this.tokenUrlParams = tokenUrlParams;
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
    OAuth2 other = (OAuth2) o;
    return Objects.equals(type, other.type)
        && Objects.equals(clientId, other.clientId)
        && Objects.equals(clientSecret, other.clientSecret)
        && Objects.equals(tokenUrl, other.tokenUrl)
        && Objects.equals(scopes, other.scopes)
        && Objects.equals(tokenUrlParams, other.tokenUrlParams);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, clientId, clientSecret, tokenUrl, scopes, tokenUrlParams);
  }
}
