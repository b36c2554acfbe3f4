package dev.keda4j.app;

import dev.keda4j.controller.k8s.NormalEventBudget;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs keda4j against the cluster of the current kubeconfig until the process is stopped. */
@Command(
    name = "run",
    description =
        "Run the operator and the metrics adapter in one JVM against the cluster of the current"
            + " kubeconfig (or the in-cluster service account).")
final class RunCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

  @CommandLine.Mixin ProcessFlags process;

  @CommandLine.Mixin AdapterStarter.RunFlags adapterFlags;

  @Option(
      names = "--watch-namespace",
      defaultValue = "${env:WATCH_NAMESPACE:-}",
      split = ",",
      description =
          "Namespaces to watch, comma separated; empty for all (env WATCH_NAMESPACE, as in KEDA).")
  List<String> watchNamespaces;

  @Option(
      names = "--leader-elect",
      arity = "0..1",
      fallbackValue = "true",
      defaultValue = "${env:KEDA4J_LEADER_ELECT:-true}",
      description =
          "Elect one replica through a coordination.k8s.io Lease; only it runs the controllers"
              + " (env KEDA4J_LEADER_ELECT, default ${DEFAULT-VALUE}).")
  boolean leaderElect;

  @Option(
      names = "--leader-election-id",
      defaultValue = LeaderElectionOptions.DEFAULT_ID,
      description = "Name of the Lease (default ${DEFAULT-VALUE}).")
  String leaderElectionId;

  @Option(
      names = "--leader-election-namespace",
      defaultValue = "${env:POD_NAMESPACE}",
      description =
          "Namespace of the Lease (env POD_NAMESPACE). Default: the in-cluster service account's"
              + " namespace, else keda.")
  String leaderElectionNamespace;

  @Option(
      names = "--lease-duration",
      defaultValue = "${env:KEDA_OPERATOR_LEADER_ELECTION_LEASE_DURATION:-15s}",
      description =
          "How long a standby waits after the leader's last renewal before taking over"
              + " (default ${DEFAULT-VALUE}).")
  String leaseDuration;

  @Option(
      names = "--renew-deadline",
      defaultValue = "${env:KEDA_OPERATOR_LEADER_ELECTION_RENEW_DEADLINE:-10s}",
      description =
          "How long the leader retries renewing before it stops its controllers"
              + " (default ${DEFAULT-VALUE}).")
  String renewDeadline;

  @Option(
      names = "--retry-period",
      defaultValue = "${env:KEDA_OPERATOR_LEADER_ELECTION_RETRY_PERIOD:-2s}",
      description = "Pause between Lease attempts (default ${DEFAULT-VALUE}).")
  String retryPeriod;

  @Option(
      names = "--normal-event-burst",
      defaultValue = "${env:KEDA4J_NORMAL_EVENT_BURST:-25}",
      description =
          "Normal events the controllers may record at once, shared by the whole process"
              + " (env KEDA4J_NORMAL_EVENT_BURST, default ${DEFAULT-VALUE}); 0 records every"
              + " Normal event, as KEDA does. Warning events are never limited.")
  int normalEventBurst;

  @Option(
      names = "--normal-events-per-second",
      defaultValue = "${env:KEDA4J_NORMAL_EVENTS_PER_SECOND:-1}",
      description =
          "Normal events per second refilled into the burst (env"
              + " KEDA4J_NORMAL_EVENTS_PER_SECOND, default ${DEFAULT-VALUE}). Normal events over"
              + " the budget are counted in keda4j_events_dropped_total, not written.")
  double normalEventsPerSecond;

  @Override
  public Integer call() throws Exception {
    CommandSupport.applyLogLevel(process.logLevel);
    RunOptions options =
        new RunOptions(
            process.kubeconfig,
            watchNamespaces == null
                ? List.of()
                : watchNamespaces.stream().map(String::trim).filter(s -> !s.isEmpty()).toList(),
            process.metricsBind(),
            process.healthBind(),
            process.securePort,
            process.certDir,
            leaderElection(),
            normalEventBudget());
    CountDownLatch stopRequested = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stopRequested.countDown();
                  CommandSupport.awaitQuietly(closed, SHUTDOWN_GRACE);
                },
                "keda4j-shutdown"));
    try (Operator operator = Operator.start(options)) {
      LOG.info("keda4j {} running; stop with SIGTERM", BuildInfo.version());
      stopRequested.await();
      LOG.info("keda4j stopping");
      return 0;
    } finally {
      // the JVM halts once the hook returns: hold it until everything is closed
      closed.countDown();
    }
  }

  NormalEventBudget normalEventBudget() {
    try {
      return new NormalEventBudget(normalEventBurst, normalEventsPerSecond);
    } catch (IllegalArgumentException e) {
      throw new UserFacingException(
          "--normal-event-burst and --normal-events-per-second: " + e.getMessage(), e);
    }
  }

  LeaderElectionOptions leaderElection() {
    if (!leaderElect) {
      return LeaderElectionOptions.DISABLED;
    }
    return new LeaderElectionOptions(
        true,
        leaderElectionId,
        leaderElectionNamespace != null && !leaderElectionNamespace.isBlank()
            ? leaderElectionNamespace.trim()
            : LeaderElectionOptions.defaultNamespace(
                null, LeaderElectionOptions.SERVICE_ACCOUNT_NAMESPACE),
        GoDuration.parse("--lease-duration", leaseDuration),
        GoDuration.parse("--renew-deadline", renewDeadline),
        GoDuration.parse("--retry-period", retryPeriod));
  }
}
