package dev.keda4j.testkit.kube;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Garbage collection, which the mock accepts but never does: when an owner is gone, every object in
 * its namespace whose {@code ownerReferences} name the owner's uid is deleted, recursively
 * (Deployment → ReplicaSet → Pod, Job → Pod, ScaledObject → HPA). Runs before the DELETE is
 * answered, so tests see the result at once. {@code propagationPolicy=Orphan} leaves dependents
 * alone. Dependent kinds searched: {@link #DEPENDENTS}.
 */
final class GarbageCollector {

  static final List<String> DEPENDENTS =
      List.of(
          "/api/v1/%s/pods",
          "/api/v1/%s/configmaps",
          "/api/v1/%s/secrets",
          "/api/v1/%s/services",
          "/apis/apps/v1/%s/replicasets",
          "/apis/apps/v1/%s/deployments",
          "/apis/apps/v1/%s/statefulsets",
          "/apis/batch/v1/%s/jobs",
          "/apis/autoscaling/v2/%s/horizontalpodautoscalers",
          "/apis/coordination.k8s.io/v1/%s/leases");

  private final Backend backend;

  GarbageCollector(Backend backend) {
    this.backend = backend;
  }

  /** Deletes the dependents of a deleted owner (namespaced owners only). */
  Future<Void> ownerDeleted(JsonObject owner) {
    JsonObject metadata = owner == null ? null : owner.getJsonObject("metadata");
    if (metadata == null
        || metadata.getString("uid") == null
        || metadata.getString("namespace") == null) {
      return Future.succeededFuture();
    }
    String uid = metadata.getString("uid");
    String ns = "namespaces/" + metadata.getString("namespace");
    List<Future<Void>> all = new ArrayList<>();
    for (String collection : DEPENDENTS) {
      String uri = String.format(collection, ns);
      all.add(
          backend
              .get(uri)
              .compose(
                  reply -> {
                    if (!reply.ok()) {
                      return Future.succeededFuture();
                    }
                    List<Future<Void>> deletes = new ArrayList<>();
                    for (Object item : reply.json().getJsonArray("items", new JsonArray())) {
                      JsonObject dependent = (JsonObject) item;
                      if (ownedBy(dependent, uid)) {
                        String name = dependent.getJsonObject("metadata").getString("name");
                        deletes.add(
                            backend
                                .delete(uri + "/" + name)
                                .compose(
                                    deleted ->
                                        deleted.ok() && isGone(deleted.json())
                                            ? ownerDeleted(dependent)
                                            : Future.succeededFuture()));
                      }
                    }
                    return Future.all(deletes).mapEmpty();
                  }));
    }
    return Future.all(all).mapEmpty();
  }

  static boolean ownedBy(JsonObject object, String uid) {
    JsonObject metadata = object.getJsonObject("metadata", new JsonObject());
    for (Object ref : metadata.getJsonArray("ownerReferences", new JsonArray())) {
      if (ref instanceof JsonObject r && uid.equals(r.getString("uid"))) {
        return true;
      }
    }
    return false;
  }

  /** False when a DELETE answer shows the object still held by finalizers. */
  static boolean isGone(JsonObject deleteAnswer) {
    if (deleteAnswer == null || "Status".equals(deleteAnswer.getString("kind"))) {
      return true;
    }
    JsonArray finalizers =
        deleteAnswer
            .getJsonObject("metadata", new JsonObject())
            .getJsonArray("finalizers", new JsonArray());
    return finalizers.isEmpty();
  }
}
