package dev.keda4j.scalers.spi;

import java.util.function.Consumer;

/**
 * A scaler whose source can announce activity by itself ({@code external-push}). The controller
 * subscribes once per built scaler and acts on each announcement without waiting for the next poll;
 * polls go on as usual for the metric values.
 */
public interface PushScaler extends Scaler {

  /**
   * Starts delivering to {@code onActive} each activity value the source announces, {@code true}
   * and {@code false} alike, as it arrives (from any thread, never concurrently for one
   * subscription). KEDA acts on {@code true} only (it activates the object at once); a {@code
   * false} is information, the next poll decides deactivation. Delivery stops when the returned
   * handle or the scaler is closed. A broken stream is retried by the scaler itself (for {@code
   * external-push}: after 2 s doubling to 60 s); it never reports "inactive" for a failure.
   */
  AutoCloseable subscribe(Consumer<Boolean> onActive);
}
