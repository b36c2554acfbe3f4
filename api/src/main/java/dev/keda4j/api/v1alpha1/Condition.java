package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/** A status condition (type and status required). */
public class Condition {
  @CrdField(required = true)
  @SerializedName("type")
  private String type;

  @CrdField(required = true)
  @SerializedName("status")
  private String status;

  @SerializedName("reason")
  private String reason;

  @SerializedName("message")
  private String message;

  public String getType() {
    return type;
  }

  public Condition type(String type) {
    this.type = type;
    return this;
  }

  public String getStatus() {
    return status;
  }

  public Condition status(String status) {
    this.status = status;
    return this;
  }

  public String getReason() {
    return reason;
  }

  public Condition reason(String reason) {
    this.reason = reason;
    return this;
  }

  public String getMessage() {
    return message;
  }

  public Condition message(String message) {
    this.message = message;
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
    Condition other = (Condition) o;
    return Objects.equals(type, other.type)
        && Objects.equals(status, other.status)
        && Objects.equals(reason, other.reason)
        && Objects.equals(message, other.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, status, reason, message);
  }
}
