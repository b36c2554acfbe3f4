package dev.keda4j.adapter.selector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A parsed label selector ({@code labels.Parse}), printed back in the canonical form of {@code
 * labels.Selector.String()}: requirements sorted by key, set values sorted.
 */
public final class LabelSelector {
  /** Selector operators with their canonical spelling. */
  public enum Operator {
    EQUALS("="),
    DOUBLE_EQUALS("=="),
    NOT_EQUALS("!="),
    IN(" in "),
    NOT_IN(" notin "),
    EXISTS(""),
    DOES_NOT_EXIST("!"),
    GREATER_THAN(">"),
    LESS_THAN("<");

    private final String spelling;

    Operator(String spelling) {
      this.spelling = spelling;
    }
  }

  /**
   * One requirement.
   *
   * @param key the label key
   * @param operator the operator
   * @param values the values (empty for the existence operators)
   */
  public record Requirement(String key, Operator operator, List<String> values) {
    public Requirement {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(operator, "operator");
      values = values.stream().sorted().toList();
    }

    @Override
    public String toString() {
      return switch (operator) {
        case EXISTS -> key;
        case DOES_NOT_EXIST -> "!" + key;
        case IN, NOT_IN -> key + operator.spelling + "(" + String.join(",", values) + ")";
        default -> key + operator.spelling + values.get(0);
      };
    }
  }

  private final List<Requirement> requirements;

  LabelSelector(List<Requirement> requirements) {
    List<Requirement> sorted = new ArrayList<>(requirements);
    sorted.sort(Comparator.comparing(Requirement::key));
    this.requirements = List.copyOf(sorted);
  }

  public List<Requirement> requirements() {
    return requirements;
  }

  @Override
  public String toString() {
    return requirements.stream().map(Requirement::toString).collect(Collectors.joining(","));
  }
}
