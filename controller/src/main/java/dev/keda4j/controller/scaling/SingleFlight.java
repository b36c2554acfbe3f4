package dev.keda4j.controller.scaling;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Coalesces concurrent identical calls: while a call for a key is in flight, every other caller of
 * that key gets the same result instead of starting a second call. Once it completes the next call
 * starts afresh (nothing is cached here).
 *
 * @param <K> the call's identity
 * @param <V> its result
 */
public final class SingleFlight<K, V> {
  private final ConcurrentMap<K, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();

  /**
   * Joins the call in flight for {@code key}, or starts {@code call}.
   *
   * @return a future of its own for each caller (completing it does not affect the others)
   */
  public CompletableFuture<V> run(K key, Supplier<? extends CompletionStage<V>> call) {
    CompletableFuture<V> mine = new CompletableFuture<>();
    CompletableFuture<V> existing = inFlight.putIfAbsent(key, mine);
    if (existing != null) {
      return existing.copy();
    }
    CompletionStage<V> stage;
    try {
      stage = call.get();
    } catch (RuntimeException e) {
      inFlight.remove(key, mine);
      mine.completeExceptionally(e);
      return mine.copy();
    }
    stage.whenComplete(
        (v, e) -> {
          inFlight.remove(key, mine);
          if (e != null) {
            mine.completeExceptionally(e);
          } else {
            mine.complete(v);
          }
        });
    return mine.copy();
  }

  /** Number of calls in flight (for tests and diagnostics). */
  public int inFlight() {
    return inFlight.size();
  }
}
