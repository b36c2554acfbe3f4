package dev.keda4j.controller.scaling;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scheduler for every periodic poll (not a thread per object). Ticks of one key never overlap,
 * even when a loop is replaced while its previous tick still runs.
 */
public final class PollScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PollScheduler.class);

  private final ScheduledExecutorService executor;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  /**
   * @param threads pool size (ticks of different keys run in parallel up to this)
   */
  public PollScheduler(int threads, String name) {
    AtomicInteger n = new AtomicInteger();
    ThreadFactory tf =
        r -> {
          Thread t = new Thread(r, name + "-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    this.executor = Executors.newScheduledThreadPool(threads, tf);
  }

  /**
   * Runs {@code tick} now and then every {@code interval} after the previous tick ended, replacing
   * whatever ran under {@code key}.
   */
  public void schedule(String key, Duration interval, Runnable tick) {
    Object lock = locks.computeIfAbsent(key, k -> new Object());
    Entry entry = new Entry();
    Runnable guarded =
        () -> {
          synchronized (lock) {
            if (entry.cancelled) {
              return;
            }
            try {
              tick.run();
            } catch (RuntimeException e) {
              // an escaping exception would silently end the periodic task
              LOG.error("{}: poll failed", key, e);
            }
          }
        };
    entry.guarded = guarded;
    entry.future =
        executor.scheduleWithFixedDelay(guarded, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    Entry previous = entries.put(key, entry);
    if (previous != null) {
      previous.cancel();
    }
  }

  /** Stops the polls of {@code key}; a tick in progress finishes. */
  public void cancel(String key) {
    Entry e = entries.remove(key);
    if (e != null) {
      e.cancel();
    }
  }

  /**
   * Runs one extra tick of {@code key} as soon as a thread is free (a push announcement), under the
   * same per-key lock as its periodic ticks so the two never overlap. Nothing when not scheduled.
   */
  public void tickNow(String key) {
    Entry e = entries.get(key);
    if (e == null || e.cancelled || e.guarded == null) {
      return;
    }
    try {
      executor.execute(e.guarded);
    } catch (RejectedExecutionException closed) {
      LOG.debug("{}: extra tick dropped, scheduler closed", key);
    }
  }

  public boolean isScheduled(String key) {
    return entries.containsKey(key);
  }

  @Override
  public void close() {
    entries.values().forEach(Entry::cancel);
    entries.clear();
    executor.shutdownNow();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final class Entry {
    private volatile boolean cancelled;
    private volatile Runnable guarded;
    private volatile ScheduledFuture<?> future;

    void cancel() {
      cancelled = true;
      ScheduledFuture<?> f = future;
      if (f != null) {
        f.cancel(false);
      }
    }
  }
}
