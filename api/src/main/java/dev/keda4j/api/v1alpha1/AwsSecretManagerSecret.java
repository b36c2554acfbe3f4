package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/** One AWS secret. */
public class AwsSecretManagerSecret {
  @CrdField(required = true)
  @SerializedName("parameter")
  private String parameter;

  @CrdField(required = true)
  @SerializedName("name")
  private String name;

  @SerializedName("versionId")
  private String versionId;

  @SerializedName("versionStage")
  private String versionStage;

  @SerializedName("secretKey")
  private String secretKey;

  public String getParameter() {
    return parameter;
  }

  public AwsSecretManagerSecret parameter(String parameter) {
    this.parameter = parameter;
    return this;
  }

  public String getName() {
    return name;
  }

  public AwsSecretManagerSecret name(String name) {
    this.name = name;
    return this;
  }

  public String getVersionId() {
    return versionId;
  }

  public AwsSecretManagerSecret versionId(String versionId) {
    this.versionId = versionId;
    return this;
  }

  public String getVersionStage() {
    return versionStage;
  }

  public AwsSecretManagerSecret versionStage(String versionStage) {
    this.versionStage = versionStage;
    return this;
  }

  public String getSecretKey() {
    return secretKey;
  }

  public AwsSecretManagerSecret secretKey(String secretKey) {
    this.secretKey = secretKey;
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
    AwsSecretManagerSecret other = (AwsSecretManagerSecret) o;
    return Objects.equals(parameter, other.parameter)
        && Objects.equals(name, other.name)
        && Objects.equals(versionId, other.versionId)
        && Objects.equals(versionStage, other.versionStage)
        && Objects.equals(secretKey, other.secretKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(parameter, name, versionId, versionStage, secretKey);
  }
}
