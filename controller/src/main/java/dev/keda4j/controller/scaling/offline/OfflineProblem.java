package dev.keda4j.controller.scaling.offline;

import java.util.Objects;

/**
 * One finding of {@link OfflineTriggerCheck}.
 *
 * @param severity {@link Severity#ERROR} for a definite problem (the CLI exits non-zero), {@link
 *     Severity#WARN} for what could not be checked (a reference to an object not in the given
 *     files, a type this build does not implement yet) or is merely suspicious (unknown keys)
 * @param file the file the ScaledObject/ScaledJob was read from
 * @param object {@code Kind ns/name}
 * @param field e.g. {@code spec.triggers[0] (redis)}
 * @param message the finding; never contains a secret value
 */
public record OfflineProblem(
    Severity severity, String file, String object, String field, String message) {

  /** How bad a finding is. */
  public enum Severity {
    ERROR,
    WARN
  }

  public OfflineProblem {
    severity = Objects.requireNonNull(severity, "severity");
    file = Objects.requireNonNullElse(file, "");
    object = Objects.requireNonNullElse(object, "");
    field = Objects.requireNonNullElse(field, "");
    message = Objects.requireNonNull(message, "message");
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file: Kind ns/name: field: message} (the format of ManifestValidator's problems). */
  public String line() {
    return file + ": " + object + ": " + (field.isEmpty() ? "" : field + ": ") + message;
  }

  /** {@code ERROR <line>} or {@code WARN <line>}. */
  public String prefixedLine() {
    return severity.name() + " " + line();
  }

  @Override
  public String toString() {
    return prefixedLine();
  }
}
