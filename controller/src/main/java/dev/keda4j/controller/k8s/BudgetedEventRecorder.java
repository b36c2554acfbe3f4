package dev.keda4j.controller.k8s;

import io.kubernetes.client.common.KubernetesObject;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link EventRecorder} that records Normal events within a {@link NormalEventBudget} shared by
 * everyone holding this instance (one per controller process) and Warning events always. Events are
 * best-effort in Kubernetes; client-go's recorder has a spam filter too. A Normal event over the
 * budget is not written: it is counted ({@code keda4j_events_dropped_total{type="Normal"}}) and
 * summed up in at most one log line a minute, never a line per event.
 */
public final class BudgetedEventRecorder implements EventRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(BudgetedEventRecorder.class);

  /** The dropped-events counter, {@code keda4j_events_dropped_total} in Prometheus. */
  public static final String DROPPED_METRIC = "keda4j.events.dropped";

  /** At most one summary line this often. */
  static final Duration SUMMARY_EVERY = Duration.ofMinutes(1);

  private final EventRecorder delegate;
  private final NormalEventBudget budget;
  private final Clock clock;
  private final TokenBucket bucket;
  private final Counter droppedCounter;
  private final java.util.function.Consumer<String> log;

  // guarded by this
  private long droppedTotal;
  private long droppedSinceSummary;
  private long lastSummaryMillis;
  private boolean summarized;
  private String lastDropped;

  /**
   * @param registry where the dropped counter is registered; null for none
   */
  public BudgetedEventRecorder(
      EventRecorder delegate, NormalEventBudget budget, Clock clock, MeterRegistry registry) {
    this(delegate, budget, clock, registry, LOG::info);
  }

  /** As the public constructor, with where the summary lines go (tests). */
  BudgetedEventRecorder(
      EventRecorder delegate,
      NormalEventBudget budget,
      Clock clock,
      MeterRegistry registry,
      java.util.function.Consumer<String> log) {
    this.log = log;
    this.delegate = delegate;
    this.budget = budget;
    this.clock = clock;
    this.bucket =
        budget.off() ? null : new TokenBucket(budget.burst(), budget.perSecond(), clock.millis());
    this.droppedCounter =
        registry == null
            ? null
            : Counter.builder(DROPPED_METRIC)
                .tag("type", NORMAL)
                .description("Normal events not recorded because of the event budget")
                .register(registry);
  }

  @Override
  public void record(KubernetesObject object, String type, String reason, String message) {
    if (bucket == null || !NORMAL.equals(type)) {
      delegate.record(object, type, reason, message);
      return;
    }
    String summary;
    boolean allowed;
    synchronized (this) {
      long now = clock.millis();
      allowed = bucket.tryTake(now);
      if (!allowed) {
        droppedTotal++;
        droppedSinceSummary++;
        lastDropped = ObjectRefs.describe(object) + " " + reason;
      }
      summary = summaryDue(now);
    }
    if (summary != null) {
      log.accept(summary);
    }
    if (allowed) {
      delegate.record(object, type, reason, message);
    } else if (droppedCounter != null) {
      droppedCounter.increment();
    }
  }

  /** Normal events not recorded since this recorder was built. */
  public synchronized long dropped() {
    return droppedTotal;
  }

  /** Under the lock: the summary line to log now, or null (none dropped, or logged recently). */
  private String summaryDue(long now) {
    if (droppedSinceSummary == 0) {
      return null;
    }
    if (summarized && now - lastSummaryMillis < SUMMARY_EVERY.toMillis()) {
      return null;
    }
    String line =
        droppedSinceSummary
            + " Normal events not recorded: event budget ("
            + budget
            + "; last: "
            + lastDropped
            + ")";
    droppedSinceSummary = 0;
    lastSummaryMillis = now;
    summarized = true;
    return line;
  }
}
