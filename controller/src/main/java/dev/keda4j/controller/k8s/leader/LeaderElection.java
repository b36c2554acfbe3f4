package dev.keda4j.controller.k8s.leader;

import io.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.kubernetes.client.extended.leaderelection.LeaderElector;
import io.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.kubernetes.client.openapi.ApiClient;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the writing part of keda4j (controllers, scale loops, job loops) only while this process
 * holds the {@code coordination.k8s.io/v1} Lease {@code <namespace>/<name>}, as KEDA's operator
 * does with controller-runtime (spec/operations.md §2).
 *
 * <p>On becoming leader {@link Leading#start()} is called; on losing the lease the returned handle
 * is closed at once, within {@code leaseDuration - renewDeadline} (the time left before another
 * replica may take the lease). When it cannot be closed in that time (or its start is still
 * running) the {@code fatal} callback is called, which in the app exits the process as
 * controller-runtime does. After a clean stop the process becomes a candidate again. {@link
 * #close()} stops the work and releases the lease so a standby takes over without waiting for it to
 * expire.
 */
public final class LeaderElection implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);

  /** What runs while leading; the handle stops it. */
  @FunctionalInterface
  public interface Leading {
    AutoCloseable start() throws Exception;
  }

  /**
   * Lease coordinates and timing.
   *
   * @param leaseDuration how long a standby waits after the last renewal it saw before taking over
   * @param renewDeadline how long the leader keeps retrying a renewal before giving up leadership
   * @param retryPeriod pause between attempts
   */
  public record Config(
      String namespace,
      String name,
      LeaderIdentity identity,
      Duration leaseDuration,
      Duration renewDeadline,
      Duration retryPeriod) {
    public Config {
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(identity, "identity");
      Objects.requireNonNull(leaseDuration, "leaseDuration");
      Objects.requireNonNull(renewDeadline, "renewDeadline");
      Objects.requireNonNull(retryPeriod, "retryPeriod");
      if (retryPeriod.isNegative() || retryPeriod.isZero()) {
        throw new IllegalArgumentException("retry period must be positive");
      }
      if (renewDeadline.compareTo(retryPeriod) <= 0) {
        throw new IllegalArgumentException("renew deadline must be longer than the retry period");
      }
      if (leaseDuration.compareTo(renewDeadline) <= 0) {
        throw new IllegalArgumentException("lease duration must be longer than the renew deadline");
      }
    }

    /** Time the old leader has to stop before a standby may take over. */
    Duration stopBudget() {
      return leaseDuration.minus(renewDeadline);
    }
  }

  private final ApiClient client;
  private final Config config;
  private final Leading leading;
  private final Runnable fatal;
  private final ExecutorService runner;
  private final Object lock = new Object();
  private final AtomicReference<String> observedLeader = new AtomicReference<>();

  // guarded by lock
  private LeaderElector elector;
  private Term term;
  private boolean closed;

  private LeaderElection(ApiClient client, Config config, Leading leading, Runnable fatal) {
    this.client = client;
    this.config = config;
    this.leading = leading;
    this.fatal = fatal;
    this.runner =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "keda4j-leader-election");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Joins the election in the background and returns at once.
   *
   * @param fatal called when the work could not be stopped in time after losing the lease
   */
  public static LeaderElection start(
      ApiClient client, Config config, Leading leading, Runnable fatal) {
    LeaderElection election = new LeaderElection(client, config, leading, fatal);
    election.runner.execute(election::campaign);
    LOG.info(
        "leader election: candidate {} for lease {}/{} (lease {}, renew deadline {}, retry {})",
        config.identity(),
        config.namespace(),
        config.name(),
        config.leaseDuration(),
        config.renewDeadline(),
        config.retryPeriod());
    return election;
  }

  /** True while this process leads and its work has been started. */
  public boolean isLeader() {
    synchronized (lock) {
      return term != null && term.started && !term.lost;
    }
  }

  /** The holder identity last seen on the Lease, if any. */
  public Optional<String> observedLeader() {
    return Optional.ofNullable(observedLeader.get());
  }

  public Config config() {
    return config;
  }

  /** One election round after the other until closed: a clean stop makes this a candidate again. */
  private void campaign() {
    while (true) {
      LeaderElector current;
      Term currentTerm = new Term();
      synchronized (lock) {
        if (closed) {
          return;
        }
        current =
            new LeaderElector(
                new LeaderElectionConfig(
                    new LeaseLock(
                        config.namespace(), config.name(), config.identity().toString(), client),
                    config.leaseDuration(),
                    config.renewDeadline(),
                    config.retryPeriod()),
                error ->
                    LOG.warn(
                        "leader election: lease {}/{} not acquired: {}",
                        config.namespace(),
                        config.name(),
                        error.toString()));
        elector = current;
        term = currentTerm;
      }
      current.run(() -> startLeading(currentTerm), () -> stopLeading(currentTerm), this::newLeader);
      current.close();
      synchronized (lock) {
        if (closed || currentTerm.fatal) {
          return;
        }
      }
      LOG.info(
          "leader election: {} is a candidate again for lease {}/{}",
          config.identity(),
          config.namespace(),
          config.name());
    }
  }

  private void newLeader(String holder) {
    observedLeader.set(holder);
    if (!config.identity().toString().equals(holder)) {
      LOG.info(
          "leader election: lease {}/{} is held by {}; this replica ({}) is standby",
          config.namespace(),
          config.name(),
          holder,
          config.identity());
    }
  }

  private void startLeading(Term current) {
    synchronized (lock) {
      if (current.lost || closed) {
        current.startDone.countDown();
        return;
      }
      current.begun = true;
    }
    LOG.info(
        "leader election: {} acquired lease {}/{}; starting the controllers",
        config.identity(),
        config.namespace(),
        config.name());
    AutoCloseable work = null;
    try {
      work = leading.start();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.error(
          "leader election: starting the controllers failed in {}: {}",
          config.identity(),
          e.toString());
    }
    boolean stopNow;
    synchronized (lock) {
      current.work = work;
      current.started = work != null;
      stopNow = current.lost || closed;
    }
    current.startDone.countDown();
    if (work == null) {
      // leading without running anything would block the other replicas for nothing
      fatal("the controllers did not start", current);
    } else if (stopNow) {
      stopWork(current);
    }
  }

  private void stopLeading(Term current) {
    boolean wasLeading;
    synchronized (lock) {
      wasLeading = current.begun;
      current.lost = true;
    }
    if (!wasLeading) {
      return;
    }
    LOG.warn(
        "leader election: {} lost lease {}/{}; stopping the controllers",
        config.identity(),
        config.namespace(),
        config.name());
    try {
      if (!current.startDone.await(config.stopBudget().toMillis(), TimeUnit.MILLISECONDS)) {
        fatal("the controllers were still starting when the lease was lost", current);
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stopWork(current);
  }

  private void stopWork(Term current) {
    AutoCloseable work;
    synchronized (lock) {
      work = current.work;
      current.work = null;
    }
    if (work == null) {
      return;
    }
    ExecutorService stopper =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "keda4j-leader-stop");
              thread.setDaemon(true);
              return thread;
            });
    try {
      Future<?> stopping =
          stopper.submit(
              () -> {
                work.close();
                return null;
              });
      stopping.get(config.stopBudget().toMillis(), TimeUnit.MILLISECONDS);
      LOG.info("leader election: controllers of {} stopped", config.identity());
    } catch (TimeoutException e) {
      fatal("the controllers did not stop within " + config.stopBudget(), current);
    } catch (ExecutionException e) {
      fatal("stopping the controllers failed: " + e.getCause(), current);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fatal("interrupted while stopping the controllers", current);
    } finally {
      stopper.shutdownNow();
    }
  }

  private void fatal(String why, Term current) {
    synchronized (lock) {
      current.fatal = true;
      if (closed) {
        return;
      }
    }
    LOG.error("leader election: {} in {}; giving up", why, config.identity());
    fatal.run();
  }

  /** Stops the work if leading and releases the lease. */
  @Override
  public void close() {
    LeaderElector current;
    Term currentTerm;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      current = elector;
      currentTerm = term;
    }
    boolean begun = false;
    if (currentTerm != null) {
      synchronized (lock) {
        currentTerm.lost = true;
        begun = currentTerm.begun;
      }
    }
    if (begun) {
      try {
        currentTerm.startDone.await(config.stopBudget().toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      stopWork(currentTerm);
    }
    if (current != null) {
      // releases the lease when held, so a standby takes over at once
      current.close();
    }
    runner.shutdownNow();
    try {
      runner.awaitTermination(config.retryPeriod().toMillis() * 2, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One period of leadership. Fields are guarded by the election's lock. */
  private static final class Term {
    final CountDownLatch startDone = new CountDownLatch(1);
    AutoCloseable work;
    boolean started;
    boolean lost;
    boolean fatal;

    boolean begun;
  }
}
