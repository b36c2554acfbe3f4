package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/** valueFrom with a secretKeyRef. */
public class ValueFromSecret {
  @CrdField(required = true)
  @SerializedName("secretKeyRef")
  private SecretKeyRef secretKeyRef;

  public SecretKeyRef getSecretKeyRef() {
    return secretKeyRef;
  }

  public ValueFromSecret secretKeyRef(SecretKeyRef secretKeyRef) {
    this.secretKeyRef = secretKeyRef;
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
    ValueFromSecret other = (ValueFromSecret) o;
    return Objects.equals(secretKeyRef, other.secretKeyRef);
  }

  @Override
  public int hashCode() {
    return Objects.hash(secretKeyRef);
  }
}
