package dev.keda4j.controller.scaling.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The resolved environment of one container (scalers.md §2.3).
 *
 * @param containerName the container whose env was resolved ("" when the template has none)
 * @param env variable name to value (secret values: never print)
 * @param problems every problem, in spec order; empty means the env is complete
 * @param unresolved env sources that could not be read because their object is missing
 * @param secretVariables names of the variables whose value came from a Secret
 */
public record EnvResolution(
    String containerName,
    Map<String, String> env,
    List<ResolveProblem> problems,
    List<UnresolvedSource> unresolved,
    Set<String> secretVariables) {

  public EnvResolution {
    containerName = Objects.requireNonNullElse(containerName, "");
    env = Map.copyOf(env);
    problems = List.copyOf(problems);
    unresolved = List.copyOf(unresolved);
    secretVariables = Set.copyOf(secretVariables);
  }

  /** Without secret-variable tracking. */
  public EnvResolution(
      String containerName,
      Map<String, String> env,
      List<ResolveProblem> problems,
      List<UnresolvedSource> unresolved) {
    this(containerName, env, problems, unresolved, Set.of());
  }

  /** An empty env without problems. */
  public static EnvResolution empty() {
    return new EnvResolution("", Map.of(), List.of(), List.of());
  }

  /** True when no problem was found. */
  public boolean ok() {
    return problems.isEmpty();
  }

  /**
   * The missing objects variable {@code name} would have come from: the sources of {@code env[]}
   * entries with that name, else every {@code envFrom} source whose prefix fits.
   */
  public List<ObjectRef> possibleSources(String name) {
    List<ObjectRef> explicit = new ArrayList<>();
    List<ObjectRef> fromAll = new ArrayList<>();
    for (UnresolvedSource u : unresolved) {
      if (u.variable().isEmpty()) {
        if (name.startsWith(u.prefix()) && !fromAll.contains(u.source())) {
          fromAll.add(u.source());
        }
      } else if (u.variable().equals(name) && !explicit.contains(u.source())) {
        explicit.add(u.source());
      }
    }
    return explicit.isEmpty() ? fromAll : explicit;
  }

  /** The problems as {@code field: message} lines (no values). */
  public List<String> problemLines() {
    return problems.stream().map(ResolveProblem::line).toList();
  }

  /** Values are secrets: only the variable names are printed. */
  @Override
  public String toString() {
    return "EnvResolution[container="
        + containerName
        + ", vars="
        + new TreeMap<>(env).keySet()
        + ", problems="
        + problems
        + "]";
  }

  /**
   * An env source whose object is missing.
   *
   * @param variable the variable of an {@code env[]} entry, or "" for an {@code envFrom} source
   * @param prefix the {@code envFrom} prefix ("" for env entries)
   * @param source the missing Secret or ConfigMap
   */
  public record UnresolvedSource(String variable, String prefix, ObjectRef source) {
    public UnresolvedSource {
      variable = Objects.requireNonNullElse(variable, "");
      prefix = Objects.requireNonNullElse(prefix, "");
    }
  }
}
