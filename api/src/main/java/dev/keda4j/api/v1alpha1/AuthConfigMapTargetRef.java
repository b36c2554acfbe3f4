package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/** Parameter read from a key of a ConfigMap. */
public class AuthConfigMapTargetRef {
  @CrdField(required = true)
  @SerializedName("parameter")
  private String parameter;

  @CrdField(required = true)
  @SerializedName("name")
  private String name;

  @CrdField(required = true)
  @SerializedName("key")
  private String key;

  public String getParameter() {
    return parameter;
  }

  public AuthConfigMapTargetRef parameter(String parameter) {
    this.parameter = parameter;
    return this;
  }

  public String getName() {
    return name;
  }

  public AuthConfigMapTargetRef name(String name) {
    this.name = name;
    return this;
  }

  public String getKey() {
    return key;
  }

  public AuthConfigMapTargetRef key(String key) {
    this.key = key;
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
    AuthConfigMapTargetRef other = (AuthConfigMapTargetRef) o;
    return Objects.equals(parameter, other.parameter)
        && Objects.equals(name, other.name)
        && Objects.equals(key, other.key);
  }

  @Override
  public int hashCode() {
    return Objects.hash(parameter, name, key);
  }
}
