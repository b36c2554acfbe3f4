package dev.keda4j.scalers.spi;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Process-wide resources scalers share: the Vert.x instance (event loops for async clients), a
 * bounded pool for blocking clients, and per-source client pools (one Redis client per endpoint and
 * credentials, not one per trigger). Owned by whoever owns the scaler cache.
 */
public final class ScalerRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScalerRuntime.class);

  private final Vertx vertx;
  private final ExecutorService blockingPool;
  private final Map<Class<?>, AutoCloseable> shared = new ConcurrentHashMap<>();
  private final List<AutoCloseable> closeOrder = Collections.synchronizedList(new ArrayList<>());

  /**
   * @param vertx the Vert.x instance (not closed by this runtime)
   * @param blockingPool bounded pool for blocking clients (not closed by this runtime)
   */
  public ScalerRuntime(Vertx vertx, ExecutorService blockingPool) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.blockingPool = Objects.requireNonNull(blockingPool, "blockingPool");
  }

  public Vertx vertx() {
    return vertx;
  }

  /** Bounded pool for blocking clients; never run blocking work on an event loop. */
  public ExecutorService blockingPool() {
    return blockingPool;
  }

  /** The one shared instance of {@code type}, created on first use and closed with the runtime. */
  public <T extends AutoCloseable> T shared(Class<T> type, Supplier<T> factory) {
    AutoCloseable v =
        shared.computeIfAbsent(
            type,
            k -> {
              T created = factory.get();
              closeOrder.add(created);
              return created;
            });
    return type.cast(v);
  }

  /** Closes the shared client pools (not Vert.x, not the blocking pool). */
  @Override
  public void close() {
    List<AutoCloseable> toClose;
    synchronized (closeOrder) {
      toClose = new ArrayList<>(closeOrder);
      closeOrder.clear();
    }
    Collections.reverse(toClose);
    for (AutoCloseable c : toClose) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.warn("closing shared scaler resource {} failed", c.getClass().getSimpleName(), e);
      }
    }
    shared.clear();
  }
}
