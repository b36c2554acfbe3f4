package dev.keda4j.controller.scaling.resolve;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The auth parameters of one trigger (scalers.md §2.4).
 *
 * @param params parameter to value (secrets: never print)
 * @param podIdentityProvider the pod identity provider, kept aside ({@code none} when unset)
 * @param problems every problem; empty means complete
 * @param unresolvedParams parameters left out because the object they come from is missing
 * @param authObjectMissing true when the referenced (Cluster)TriggerAuthentication itself is
 *     missing, so any parameter might have come from it
 */
public record AuthResolution(
    Map<String, String> params,
    String podIdentityProvider,
    List<ResolveProblem> problems,
    Set<String> unresolvedParams,
    boolean authObjectMissing) {

  public static final String NO_POD_IDENTITY = "none";

  public AuthResolution {
    params = Map.copyOf(params);
    podIdentityProvider = Objects.requireNonNullElse(podIdentityProvider, NO_POD_IDENTITY);
    problems = List.copyOf(problems);
    unresolvedParams = Set.copyOf(unresolvedParams);
  }

  /** No authenticationRef: nothing to resolve. */
  public static AuthResolution none() {
    return new AuthResolution(Map.of(), NO_POD_IDENTITY, List.of(), Set.of(), false);
  }

  public boolean ok() {
    return problems.isEmpty();
  }

  /** The missing object of the first problem that is one, if any. */
  public Optional<ObjectRef> firstMissing() {
    return problems.stream().flatMap(p -> p.missing().stream()).findFirst();
  }

  /** The problems as {@code field: message} lines (no values). */
  public List<String> problemLines() {
    return problems.stream().map(ResolveProblem::line).toList();
  }

  /** Values are secrets: only parameter names are printed. */
  @Override
  public String toString() {
    return "AuthResolution[params="
        + new TreeMap<>(params).keySet()
        + ", podIdentity="
        + podIdentityProvider
        + ", problems="
        + problems
        + "]";
  }
}
