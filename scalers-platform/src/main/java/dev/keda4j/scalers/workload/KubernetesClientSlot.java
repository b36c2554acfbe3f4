package dev.keda4j.scalers.workload;

import dev.keda4j.scalers.spi.ScalerRuntime;
import io.kubernetes.client.openapi.ApiClient;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where the process hands its Kubernetes {@link ApiClient} to scalers that read the cluster: one
 * slot per {@link ScalerRuntime}, held in {@link ScalerRuntime#shared}. The controller calls {@link
 * #register} once at start-up; the slot does not own the client and does not close it.
 */
public final class KubernetesClientSlot implements AutoCloseable {
  private final AtomicReference<ApiClient> client = new AtomicReference<>();

  /** Makes {@code apiClient} available to the scalers built with {@code runtime}. */
  public static void register(ScalerRuntime runtime, ApiClient apiClient) {
    of(runtime).client.set(apiClient);
  }

  /** The runtime's slot; empty until {@link #register} is called. */
  static KubernetesClientSlot of(ScalerRuntime runtime) {
    return runtime.shared(KubernetesClientSlot.class, KubernetesClientSlot::new);
  }

  /** Read at every poll, so a client registered after the scaler was built is still picked up. */
  Optional<ApiClient> client() {
    return Optional.ofNullable(client.get());
  }

  @Override
  public void close() {
    // the client belongs to whoever registered it
  }
}
