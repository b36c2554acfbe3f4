package dev.keda4j.app;

import dev.keda4j.controller.k8s.NormalEventBudget;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Configuration of a running keda4j.
 *
 * @param kubeconfig kubeconfig file, or null for the standard lookup
 * @param watchNamespaces namespaces to watch; empty means all
 * @param leaderElection whether and how replicas elect the one that runs the controllers
 * @param normalEvents the process's budget of Normal events (Warnings are never limited)
 */
public record RunOptions(
    Path kubeconfig,
    List<String> watchNamespaces,
    BindAddress metrics,
    BindAddress health,
    int securePort,
    Path certDir,
    LeaderElectionOptions leaderElection,
    NormalEventBudget normalEvents) {

  public RunOptions {
    watchNamespaces = List.copyOf(watchNamespaces);
    Objects.requireNonNull(leaderElection, "leaderElection");
    Objects.requireNonNull(normalEvents, "normalEvents");
  }

  /** Without leader election (this process runs the controllers at once), default event budget. */
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
        LeaderElectionOptions.DISABLED,
        NormalEventBudget.DEFAULT);
  }

  /** The same options with another leader election. */
  public RunOptions withLeaderElection(LeaderElectionOptions election) {
    return new RunOptions(
        kubeconfig, watchNamespaces, metrics, health, securePort, certDir, election, normalEvents);
  }
}
