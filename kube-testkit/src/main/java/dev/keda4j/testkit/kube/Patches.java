package dev.keda4j.testkit.kube;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every PATCH is applied in the fixture: read the object from the mock, patch it here, write it
 * back with PUT (to {@code /status} for status patches). JSON merge patch follows RFC 7386 ({@link
 * MergePatch}); strategic merge patch is approximated by {@link MergePatch#applyStrategic}; json
 * patch is {@link JsonPatch}; server-side apply ({@code application/apply-patch+yaml}) creates a
 * missing object and otherwise merges like a strategic merge patch, without field ownership. A
 * conflicting concurrent write is retried unless the patch names a resourceVersion.
 */
final class Patches {

  /** An unsupported patch content type; answered with 415. */
  static final class UnsupportedPatch extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnsupportedPatch(String message) {
      super(message);
    }
  }

  private static final int ATTEMPTS = 5;

  private final Backend backend;
  private final ResourceRegistry registry;

  Patches(Backend backend, ResourceRegistry registry) {
    this.backend = backend;
    this.registry = registry;
  }

  static JsonObject apply(JsonObject document, String contentType, Buffer body) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.startsWith("application/json-patch+json")) {
      Object ops = decode(body);
      if (!(ops instanceof JsonArray array)) {
        throw new JsonPatch.PatchException("a json patch must be an array");
      }
      return JsonPatch.apply(document, array);
    }
    if (type.startsWith("application/merge-patch+json")) {
      return (JsonObject) MergePatch.apply(document, object(decode(body)));
    }
    if (type.startsWith("application/strategic-merge-patch+json")) {
      return (JsonObject) MergePatch.applyStrategic(document, object(decode(body)));
    }
    if (type.startsWith("application/apply-patch+yaml")) {
      return (JsonObject) MergePatch.applyStrategic(document, yaml(body));
    }
    if (type.startsWith("application/json")) {
      // client-java 25's updateStatus sends its json patch as plain application/json
      Object decoded = decode(body);
      return decoded instanceof JsonArray array
          ? JsonPatch.apply(document, array)
          : (JsonObject) MergePatch.apply(document, object(decoded));
    }
    throw new UnsupportedPatch("unsupported patch content type '" + contentType + "'");
  }

  Future<Answer> handle(ApiPath path, String contentType, Buffer body) {
    return attempt(path, contentType, body, 1);
  }

  private Future<Answer> attempt(ApiPath path, String contentType, Buffer body, int attempt) {
    String objectUri = path.withoutSubresource().objectPath();
    String writeUri = path.subresource() == null ? objectUri : objectUri + "/" + path.subresource();
    return backend
        .get(objectUri)
        .compose(
            reply -> {
              if (reply.code() == 404 && isApply(contentType) && path.subresource() == null) {
                return create(path, body);
              }
              if (!reply.ok()) {
                return Future.succeededFuture(Answer.of(reply, "PATCH", path, registry));
              }
              JsonObject patched;
              try {
                patched = apply(reply.json(), contentType, body);
              } catch (UnsupportedPatch e) {
                return Future.succeededFuture(Answer.error(415, e.getMessage(), path, registry));
              } catch (JsonPatch.PatchException | DecodeException | ClassCastException e) {
                return Future.succeededFuture(Answer.error(422, e.getMessage(), path, registry));
              }
              patched.getJsonObject("metadata", new JsonObject()).remove("managedFields");
              return backend
                  .put(writeUri, patched)
                  .compose(
                      written -> {
                        boolean namesVersion = body.toString().contains("resourceVersion");
                        if (written.code() == 409 && !namesVersion && attempt < ATTEMPTS) {
                          return attempt(path, contentType, body, attempt + 1);
                        }
                        return Future.succeededFuture(Answer.of(written, "PATCH", path, registry));
                      });
            });
  }

  private Future<Answer> create(ApiPath path, Buffer body) {
    JsonObject object = yaml(body);
    KindFiller.fill(object, path, registry);
    object.getJsonObject("metadata").put("name", path.name());
    return backend
        .post(path.collectionPath(), object)
        .map(reply -> Answer.of(reply, "POST", path, registry));
  }

  private static boolean isApply(String contentType) {
    return contentType != null && contentType.startsWith("application/apply-patch");
  }

  private static Object decode(Buffer body) {
    return body == null || body.length() == 0 ? new JsonObject() : body.toJsonValue();
  }

  private static JsonObject object(Object decoded) {
    if (decoded instanceof JsonObject o) {
      return o;
    }
    throw new JsonPatch.PatchException("a merge patch must be a JSON object");
  }

  @SuppressWarnings("unchecked")
  static JsonObject yaml(Buffer body) {
    Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(body.toString());
    if (!(loaded instanceof Map<?, ?> map)) {
      throw new JsonPatch.PatchException("an apply patch must be an object");
    }
    return new JsonObject((Map<String, Object>) map);
  }
}
