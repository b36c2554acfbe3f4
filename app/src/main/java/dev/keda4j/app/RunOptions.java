package dev.keda4j.app;

import java.nio.file.Path;
import java.util.List;

/**
 * Configuration of a running keda4j.
 *
 * @param kubeconfig kubeconfig file, or null for the standard lookup
 * @param watchNamespaces namespaces to watch; empty means all
 */
public record RunOptions(
    Path kubeconfig,
    List<String> watchNamespaces,
    BindAddress metrics,
    BindAddress health,
    int securePort,
    Path certDir) {

  public RunOptions {
    watchNamespaces = List.copyOf(watchNamespaces);
  }
}
