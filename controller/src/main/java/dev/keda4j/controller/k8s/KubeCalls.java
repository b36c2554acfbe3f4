package dev.keda4j.controller.k8s;

import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import java.util.Optional;

/** Turns client-java failures into {@link KubeCallException}s. */
final class KubeCalls {
  static final int NOT_FOUND = 404;

  private KubeCalls() {}

  @FunctionalInterface
  interface Call<T> {
    T run() throws ApiException;
  }

  static <T> T call(String what, Call<T> call) {
    try {
      return call.run();
    } catch (ApiException e) {
      throw new KubeCallException(what, e.getCode(), e);
    }
  }

  /** Empty on 404. */
  static <T> Optional<T> find(String what, Call<T> call) {
    try {
      return Optional.ofNullable(call.run());
    } catch (ApiException e) {
      if (e.getCode() == NOT_FOUND) {
        return Optional.empty();
      }
      throw new KubeCallException(what, e.getCode(), e);
    }
  }

  /**
   * The object of a generic-API call; empty on 404. GenericKubernetesApi throws
   * IllegalStateException for I/O failures; they become {@link KubeCallException}s too.
   */
  static <T extends io.kubernetes.client.common.KubernetesObject> Optional<T> findObject(
      String what, java.util.function.Supplier<KubernetesApiResponse<T>> call) {
    KubernetesApiResponse<T> r;
    try {
      r = call.get();
    } catch (IllegalStateException e) {
      throw new KubeCallException(what, 0, e);
    }
    if (r.isSuccess()) {
      return Optional.ofNullable(r.getObject());
    }
    if (r.getHttpStatusCode() == NOT_FOUND) {
      return Optional.empty();
    }
    throw new KubeCallException(what, r.getHttpStatusCode(), null);
  }
}
