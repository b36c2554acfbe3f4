package dev.keda4j.testkit.sources;

import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of every fixture. Register one as a static field:
 *
 * <pre>{@code @RegisterExtension static final RedisFixture REDIS = new RedisFixture();}</pre>
 *
 * It starts (or connects) before the class's tests and, after them, undoes everything it created in
 * reverse order, then closes. Outside JUnit call {@link #start()} and {@link #close()} yourself.
 */
public abstract class AbstractFixture
    implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
  /** A cleanup step. */
  @FunctionalInterface
  public interface Cleanup {
    void run() throws Exception;
  }

  private static final Logger LOG = LoggerFactory.getLogger(AbstractFixture.class);
  private final Deque<Cleanup> cleanups = new ArrayDeque<>();
  private boolean started;

  /** Starts or connects; idempotent. Throws {@link SourceUnavailableException} when it cannot. */
  public final synchronized void start() {
    if (!started) {
      doStart();
      started = true;
    }
  }

  protected abstract void doStart();

  /** Releases connections and processes after the cleanups ran. */
  protected abstract void doClose();

  /** Registers a step run at close (last registered runs first). */
  public final synchronized void onClose(Cleanup cleanup) {
    cleanups.push(cleanup);
  }

  protected final void requireStarted() {
    if (!started) {
      start();
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  @Override
  public final synchronized void close() {
    while (!cleanups.isEmpty()) {
      try {
        cleanups.pop().run();
      } catch (Exception e) {
        LOG.warn("{}: cleanup failed: {}", getClass().getSimpleName(), e.toString());
      }
    }
    if (started) {
      started = false;
      doClose();
    }
  }
}
