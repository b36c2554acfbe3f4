package dev.keda4j.scalers.spi;

import java.util.function.Consumer;

/**
 * A scaler whose source can announce activity by itself ({@code external-push}). The controller
 * subscribes once per built scaler and acts on each announcement without waiting for the next poll;
 * polls go on as usual for the metric values.
 */
public interface PushScaler extends Scaler {

  /**
   * Starts delivering activity changes to {@code onActive} (from any thread, never concurrently for
   * one subscription). Delivery stops when the returned handle or the scaler is closed. A broken
   * stream is retried by the scaler itself; it never reports "inactive" for a failure.
   */
  AutoCloseable subscribe(Consumer<Boolean> onActive);
}
