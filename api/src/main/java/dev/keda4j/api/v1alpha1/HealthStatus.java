package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/** One entry of status.health. */
public class HealthStatus {
  @SerializedName("numberOfFailures")
  private Integer numberOfFailures;

  @CrdField(description = "Happy or Failing")
  @SerializedName("status")
  private String status;

  public Integer getNumberOfFailures() {
    return numberOfFailures;
  }

  public HealthStatus numberOfFailures(Integer numberOfFailures) {
    this.numberOfFailures = numberOfFailures;
    return this;
  }

  public String getStatus() {
    return status;
  }

  public HealthStatus status(String status) {
    this.status = status;
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
    HealthStatus other = (HealthStatus) o;
    return Objects.equals(numberOfFailures, other.numberOfFailures)
        && Objects.equals(status, other.status);
  }

  @Override
  public int hashCode() {
    return Objects.hash(numberOfFailures, status);
  }
}
