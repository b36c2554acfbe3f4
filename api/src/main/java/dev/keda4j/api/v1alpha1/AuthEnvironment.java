package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/** Parameter read from an environment variable of the scale target container. */
public class AuthEnvironment {
  @CrdField(required = true)
  @SerializedName("parameter")
  private String parameter;

  @CrdField(required = true)
  @SerializedName("name")
  private String name;

  @SerializedName("containerName")
  private String containerName;

  public String getParameter() {
    return parameter;
  }

  public AuthEnvironment parameter(String parameter) {
    this.parameter = parameter;
    return this;
  }

  public String getName() {
    return name;
  }

  public AuthEnvironment name(String name) {
    this.name = name;
    return this;
  }

  public String getContainerName() {
    return containerName;
  }

  public AuthEnvironment containerName(String containerName) {
    this.containerName = containerName;
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
    AuthEnvironment other = (AuthEnvironment) o;
    return Objects.equals(parameter, other.parameter)
        && Objects.equals(name, other.name)
        && Objects.equals(containerName, other.containerName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(parameter, name, containerName);
  }
}
