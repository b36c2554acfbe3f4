package dev.keda4j.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Configuration of a running keda4j.
 *
 * @param kubeconfig kubeconfig file, or null for the standard lookup
 * @param watchNamespaces namespaces to watch; empty means all
 * @param leaderElection whether and how replicas elect the one that runs the controllers
 */
public record RunOptions(
    Path kubeconfig,
    List<String> watchNamespaces,
    BindAddress metrics,
    BindAddress health,
    int securePort,
    Path certDir,
    LeaderElectionOptions leaderElection) {

  public RunOptions {
    watchNamespaces = List.copyOf(watchNamespaces);
    Objects.requireNonNull(leaderElection, "leaderElection");
  }

  /** Without leader election: this process runs the controllers at once. */
  public RunOptions(
      Path kubeconfig,
      List<String> watchNamespaces,
      BindAddress metrics,
      BindAddress health,
      int securePort,
      Path certDir) {
    this(
        kubeconfig,
        watchNamespaces,
        metrics,
        health,
        securePort,
        certDir,
        LeaderElectionOptions.DISABLED);
  }

  /** The same options with another leader election. */
  public RunOptions withLeaderElection(LeaderElectionOptions election) {
    return new RunOptions(
        kubeconfig, watchNamespaces, metrics, health, securePort, certDir, election);
  }
}
