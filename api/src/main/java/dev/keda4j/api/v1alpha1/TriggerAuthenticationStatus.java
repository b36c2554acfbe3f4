package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/** status of a (Cluster)TriggerAuthentication: comma-joined names of referencing objects. */
public class TriggerAuthenticationStatus {
  @SerializedName("scaledobjects")
  private String scaledObjects;

  @SerializedName("scaledjobs")
  private String scaledJobs;

  public String getScaledObjects() {
    return scaledObjects;
  }

  public TriggerAuthenticationStatus scaledObjects(String scaledObjects) {
    this.scaledObjects = scaledObjects;
    return this;
  }

  public String getScaledJobs() {
    return scaledJobs;
  }

  public TriggerAuthenticationStatus scaledJobs(String scaledJobs) {
    this.scaledJobs = scaledJobs;
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
    TriggerAuthenticationStatus other = (TriggerAuthenticationStatus) o;
    return Objects.equals(scaledObjects, other.scaledObjects)
        && Objects.equals(scaledJobs, other.scaledJobs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scaledObjects, scaledJobs);
  }
}
