package dev.keda4j.scalers.config;

import java.util.List;

/** A config record with cross-field rules, checked by the binder after every field bound. */
public interface ValidatedConfig {
  /** Problems found; empty when valid. Messages must not contain secret values. */
  List<ConfigError> validate();
}
