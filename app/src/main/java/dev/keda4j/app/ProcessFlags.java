package dev.keda4j.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The flags every long-running keda4j process takes ({@code run} and {@code adapter}): cluster
 * access, its own probe and metrics endpoints, the external metrics API's port and certificate
 * directory, and logging. One declaration, so both commands name, default and describe them alike.
 */
final class ProcessFlags {
  @Option(
      names = "--kubeconfig",
      defaultValue = "${env:KUBECONFIG}",
      description =
          "Kubeconfig file (env KUBECONFIG). Default: ~/.kube/config, else the in-cluster"
              + " service account.")
  Path kubeconfig;

  @Option(
      names = "--metrics-bind-address",
      defaultValue = "${env:KEDA4J_METRICS_BIND_ADDRESS:-:8080}",
      description = "Prometheus /metrics address, host:port or :port (default ${DEFAULT-VALUE}).")
  String metricsAddress;

  @Option(
      names = "--health-probe-bind-address",
      defaultValue = "${env:KEDA4J_HEALTH_PROBE_BIND_ADDRESS:-:8081}",
      description = "/healthz and /readyz address (default ${DEFAULT-VALUE}).")
  String healthAddress;

  @Option(
      names = "--secure-port",
      defaultValue = "${env:KEDA4J_SECURE_PORT:-6443}",
      description = "HTTPS port of the external metrics API (default ${DEFAULT-VALUE}).")
  int securePort;

  @Option(
      names = "--cert-dir",
      defaultValue = "${env:KEDA4J_CERT_DIR:-/certs}",
      description =
          "Directory holding the metrics API's serving tls.crt and tls.key (default"
              + " ${DEFAULT-VALUE}).")
  Path certDir;

  @Option(
      names = "--log-level",
      defaultValue = "${env:KEDA4J_LOG_LEVEL:-info}",
      description = "error, warn, info, debug or trace (default ${DEFAULT-VALUE}).")
  String logLevel;

  BindAddress metricsBind() {
    return BindAddress.parse("--metrics-bind-address", metricsAddress);
  }

  BindAddress healthBind() {
    return BindAddress.parse("--health-probe-bind-address", healthAddress);
  }
}
