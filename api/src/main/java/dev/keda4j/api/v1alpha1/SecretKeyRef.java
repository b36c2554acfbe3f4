package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/** Reference to a key of a Secret. */
public class SecretKeyRef {
  @CrdField(required = true)
  @SerializedName("name")
  private String name;

  @CrdField(required = true)
  @SerializedName("key")
  private String key;

  public String getName() {
    return name;
  }

  public SecretKeyRef name(String name) {
    this.name = name;
    return this;
  }

  public String getKey() {
    return key;
  }

  public SecretKeyRef key(String key) {
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
    SecretKeyRef other = (SecretKeyRef) o;
    return Objects.equals(name, other.name) && Objects.equals(key, other.key);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, key);
  }
}
