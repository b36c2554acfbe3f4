package dev.keda4j.scalers.config;

import java.util.List;

/**
 * A bound config record and the warnings binding produced.
 *
 * @param config the config record
 * @param warnings unmatched keys and deprecation notices
 * @param <C> the record type
 */
public record Bound<C extends Record>(C config, List<ConfigWarning> warnings) {
  public Bound {
    warnings = List.copyOf(warnings);
  }
}
