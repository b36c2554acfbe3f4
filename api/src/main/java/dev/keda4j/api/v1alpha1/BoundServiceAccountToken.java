package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/** Parameter holding a bound service account token. */
public class BoundServiceAccountToken {
  @CrdField(required = true)
  @SerializedName("parameter")
  private String parameter;

  @CrdField(required = true)
  @SerializedName("serviceAccountName")
  private String serviceAccountName;

  public String getParameter() {
    return parameter;
  }

  public BoundServiceAccountToken parameter(String parameter) {
    this.parameter = parameter;
    return this;
  }

  public String getServiceAccountName() {
    return serviceAccountName;
  }

  public BoundServiceAccountToken serviceAccountName(String serviceAccountName) {
    this.serviceAccountName = serviceAccountName;
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
    BoundServiceAccountToken other = (BoundServiceAccountToken) o;
    return Objects.equals(parameter, other.parameter)
        && Objects.equals(serviceAccountName, other.serviceAccountName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(parameter, serviceAccountName);
  }
}
