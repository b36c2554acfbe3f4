package dev.keda4j.api.v1alpha1;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code status.triggersTypes} and {@code status.authenticationsTypes} (KEDA §1.2). */
public final class TriggerSummary {
  private TriggerSummary() {}

  /** Comma-joined distinct trigger types in spec order. */
  public static String triggersTypes(List<ScaleTriggers> triggers) {
    Set<String> types = new LinkedHashSet<>();
    if (triggers != null) {
      for (ScaleTriggers t : triggers) {
        if (t.getType() != null) {
          types.add(t.getType());
        }
      }
    }
    return String.join(",", types);
  }

  /** Comma-joined distinct authenticationRef names in spec order (names, not kinds). */
  public static String authenticationsTypes(List<ScaleTriggers> triggers) {
    Set<String> names = new LinkedHashSet<>();
    if (triggers != null) {
      for (ScaleTriggers t : triggers) {
        if (t.getAuthenticationRef() != null && t.getAuthenticationRef().getName() != null) {
          names.add(t.getAuthenticationRef().getName());
        }
      }
    }
    return String.join(",", names);
  }
}
