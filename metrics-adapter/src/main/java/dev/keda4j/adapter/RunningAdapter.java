package dev.keda4j.adapter;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletionStage;

/** A started adapter: where it listens, what it serves with, and how to stop it. */
public interface RunningAdapter {
  /** The bound HTTPS port. */
  int port();

  /** The serving certificate currently in use (changes when the files are reloaded). */
  X509Certificate servingCertificate();

  /** The adapter's own metrics, for a plain-HTTP {@code /metrics} elsewhere. */
  PrometheusMeterRegistry meterRegistry();

  /** Fails readiness, stops reloading certificates and closes the listener. */
  CompletionStage<Void> close();
}
