package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/** One entry of status.triggersActivity; isActive is always serialised. */
public class TriggerActivityStatus {
  @CrdField(required = true)
  @SerializedName("isActive")
  private boolean isActive;

  public boolean getIsActive() {
    return isActive;
  }

  public TriggerActivityStatus isActive(boolean isActive) {
    this.isActive = isActive;
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
    TriggerActivityStatus other = (TriggerActivityStatus) o;
    return isActive == other.isActive;
  }

  @Override
  public int hashCode() {
    return Objects.hash(isActive);
  }
}
