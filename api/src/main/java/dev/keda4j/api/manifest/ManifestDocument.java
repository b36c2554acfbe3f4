package dev.keda4j.api.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * One YAML document of a manifest file.
 *
 * @param file the file it was read from (as given)
 * @param index 0-based index among the file's non-empty documents
 * @param tree the document
 */
public record ManifestDocument(Path file, int index, JsonNode tree) {
  public String apiVersion() {
    return tree.path("apiVersion").asText("");
  }

  public String kind() {
    return tree.path("kind").asText("");
  }

  public String name() {
    return tree.path("metadata").path("name").asText("");
  }

  /** metadata.namespace, empty when unset. */
  public String namespace() {
    return tree.path("metadata").path("namespace").asText("");
  }

  /** API group of apiVersion ("" for the core group). */
  public String group() {
    String av = apiVersion();
    int slash = av.indexOf('/');
    return slash < 0 ? "" : av.substring(0, slash);
  }

  /** The document as a model object, e.g. {@code as(V1Secret.class)}. */
  public <T> T as(Class<T> type) {
    return Manifests.toModel(tree, type);
  }
}
