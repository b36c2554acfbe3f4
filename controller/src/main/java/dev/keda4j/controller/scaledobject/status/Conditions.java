package dev.keda4j.controller.scaledobject.status;

import dev.keda4j.api.v1alpha1.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** KEDA's condition list semantics: a set replaces the same-type entry in place, else appends. */
public final class Conditions {
  private Conditions() {}

  /** A copy of {@code current} with every condition of {@code updates} applied in order. */
  public static List<Condition> apply(List<Condition> current, List<Condition> updates) {
    List<Condition> result = new ArrayList<>();
    if (current != null) {
      for (Condition c : current) {
        result.add(copy(c));
      }
    }
    for (Condition u : updates) {
      int at = indexOf(result, u.getType());
      if (at >= 0) {
        result.set(at, copy(u));
      } else {
        result.add(copy(u));
      }
    }
    return result;
  }

  /** Adds the initial set when any of Ready/Active/Fallback/Paused is missing. */
  public static List<Condition> withInitial(List<Condition> current) {
    List<Condition> result = apply(current, List.of());
    for (Condition c : ScaledObjectReasons.initial()) {
      if (indexOf(result, c.getType()) < 0) {
        result.add(c);
      }
    }
    return result;
  }

  public static Optional<Condition> find(List<Condition> conditions, String type) {
    if (conditions == null) {
      return Optional.empty();
    }
    return conditions.stream().filter(c -> Objects.equals(type, c.getType())).findFirst();
  }

  public static boolean isTrue(List<Condition> conditions, String type) {
    return find(conditions, type)
        .map(c -> ScaledObjectReasons.TRUE.equals(c.getStatus()))
        .orElse(false);
  }

  private static int indexOf(List<Condition> list, String type) {
    for (int i = 0; i < list.size(); i++) {
      if (Objects.equals(type, list.get(i).getType())) {
        return i;
      }
    }
    return -1;
  }

  private static Condition copy(Condition c) {
    return new Condition()
        .type(c.getType())
        .status(c.getStatus())
        .reason(c.getReason())
        .message(c.getMessage());
  }
}
