package dev.keda4j.api.v1alpha1;

/**
 * A validation error of a KEDA object.
 *
 * @param path field path from the object root, e.g. {@code spec.triggers[1].name}
 * @param message KEDA's error message
 */
public record SpecError(String path, String message) {}
