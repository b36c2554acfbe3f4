package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/** An object holding valueFrom.secretKeyRef. */
public class ValueFromSecretHolder {
  @CrdField(required = true)
  @SerializedName("valueFrom")
  private ValueFromSecret valueFrom;

  public ValueFromSecret getValueFrom() {
    return valueFrom;
  }

  public ValueFromSecretHolder valueFrom(ValueFromSecret valueFrom) {
    this.valueFrom = valueFrom;
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
    ValueFromSecretHolder other = (ValueFromSecretHolder) o;
    return Objects.equals(valueFrom, other.valueFrom);
  }

  @Override
  public int hashCode() {
    return Objects.hash(valueFrom);
  }
}
