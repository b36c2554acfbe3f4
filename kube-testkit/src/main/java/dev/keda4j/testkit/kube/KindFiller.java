package dev.keda4j.testkit.kube;

import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;

/**
 * Fills what a real API server infers from the request: {@code apiVersion} and {@code kind} from
 * the URL (the mock answers 422 without them, and client-java's LeaseLock omits them), {@code
 * metadata.namespace} from a namespaced URL, and {@code metadata.name} from {@code generateName}.
 */
final class KindFiller {

  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private KindFiller() {}

  static void fill(JsonObject object, ApiPath path, ResourceRegistry registry) {
    if (object.getString("apiVersion") == null || object.getString("apiVersion").isEmpty()) {
      object.put("apiVersion", path.apiVersion());
    }
    if (object.getString("kind") == null || object.getString("kind").isEmpty()) {
      object.put("kind", registry.kindOf(path));
    }
    JsonObject metadata = object.getJsonObject("metadata");
    if (metadata == null) {
      metadata = new JsonObject();
      object.put("metadata", metadata);
    }
    if (path.namespace() != null && metadata.getString("namespace") == null) {
      metadata.put("namespace", path.namespace());
    }
    String generateName = metadata.getString("generateName");
    if (metadata.getString("name") == null && generateName != null) {
      StringBuilder name = new StringBuilder(generateName);
      for (int i = 0; i < 5; i++) {
        name.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
      }
      metadata.put("name", name.toString());
    }
  }
}
