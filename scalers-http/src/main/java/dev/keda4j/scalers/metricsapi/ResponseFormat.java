package dev.keda4j.scalers.metricsapi;

import java.util.Locale;

/** How the metrics-api response body is read ({@code format}). */
public enum ResponseFormat {
  JSON,
  PROMETHEUS,
  XML,
  YAML;

  /** The format named in metadata (already checked against the enum by the binder). */
  public static ResponseFormat of(String name) {
    return valueOf(name.trim().toUpperCase(Locale.ROOT));
  }
}
