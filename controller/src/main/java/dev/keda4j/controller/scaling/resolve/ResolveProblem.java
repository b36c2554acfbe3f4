package dev.keda4j.controller.scaling.resolve;

import java.util.Objects;
import java.util.Optional;

/**
 * One problem found while resolving a trigger's env or auth. Never contains a resolved value.
 *
 * @param field where, e.g. {@code secretTargetRef[0]} or {@code env[2] (REDIS_HOST)}
 * @param message what, e.g. {@code key "k" not found in Secret ns/s}
 * @param missing set when the problem is that a referenced object does not exist (or, offline, is
 *     not among the given documents); empty for every other problem
 */
public record ResolveProblem(String field, String message, Optional<ObjectRef> missing) {
  public ResolveProblem {
    field = Objects.requireNonNullElse(field, "");
    message = Objects.requireNonNull(message, "message");
    missing = Objects.requireNonNullElse(missing, Optional.empty());
  }

  /** A problem that is not a missing object. */
  public static ResolveProblem error(String field, String message) {
    return new ResolveProblem(field, message, Optional.empty());
  }

  /** A referenced object that does not exist; the message is {@code <ref> not found}. */
  public static ResolveProblem missing(String field, ObjectRef ref) {
    return new ResolveProblem(field, ref + " not found", Optional.of(ref));
  }

  /** True when a referenced object is missing. */
  public boolean isMissingObject() {
    return missing.isPresent();
  }

  /** The same problem one level deeper: {@code prefix: field}. */
  public ResolveProblem under(String prefix) {
    return new ResolveProblem(field.isEmpty() ? prefix : prefix + ": " + field, message, missing);
  }

  /** {@code field: message}. */
  public String line() {
    return field.isEmpty() ? message : field + ": " + message;
  }

  @Override
  public String toString() {
    return line();
  }
}
