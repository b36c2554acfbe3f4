package dev.keda4j.scalers.sql;

import dev.keda4j.scalers.spi.ScalerRuntime;
import io.vertx.core.Vertx;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A real scaler runtime for tests: Vert.x, a two-thread blocking pool, shared SQL pools. */
public final class TestRuntime implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final ExecutorService blocking = Executors.newFixedThreadPool(2);
  private final ScalerRuntime runtime = new ScalerRuntime(vertx, blocking);

  public ScalerRuntime runtime() {
    return runtime;
  }

  /** The SQL pools of this runtime (created on first use). */
  public SqlPools pools() {
    return runtime.shared(SqlPools.class, SqlPools::new);
  }

  @Override
  public void close() throws InterruptedException {
    runtime.close();
    vertx.close().await();
    blocking.shutdown();
    if (!blocking.awaitTermination(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("blocking pool did not stop");
    }
  }
}
