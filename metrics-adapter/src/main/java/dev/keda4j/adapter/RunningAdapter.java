package dev.keda4j.adapter;

import dev.keda4j.adapter.auth.ExtensionApiserverAuthentication;
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

  /**
   * Replaces the cluster's authentication settings (client CA, front-proxy CA, allowed names,
   * header names) atomically, as when {@code kube-system/extension-apiserver-authentication}
   * changes. Requests after the call use the new settings.
   */
  default void updateAuthentication(ExtensionApiserverAuthentication settings) {
    throw new UnsupportedOperationException("this adapter cannot change its authentication");
  }

  /** Fails readiness, stops reloading certificates and closes the listener. */
  CompletionStage<Void> close();
}
