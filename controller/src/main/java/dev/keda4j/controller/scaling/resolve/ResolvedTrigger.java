package dev.keda4j.controller.scaling.resolve;

import dev.keda4j.scalers.spi.ScalerContext;
import java.util.ArrayList;
import java.util.List;

/**
 * One trigger with its env and auth resolved.
 *
 * @param index the trigger's index in {@code spec.triggers}
 * @param context the context to bind and build the scaler from (with whatever could be resolved)
 * @param env the env of the workload's env source container
 * @param auth the auth parameters
 */
public record ResolvedTrigger(
    int index, ScalerContext context, EnvResolution env, AuthResolution auth) {

  /**
   * Every problem: env problems under {@code env}, auth problems under {@code authenticationRef
   * <Kind ns/name>} — as lines {@code field: message}, never containing a value.
   */
  public List<ResolveProblem> problems() {
    List<ResolveProblem> out = new ArrayList<>();
    env.problems().forEach(p -> out.add(p.under("env")));
    auth.problems()
        .forEach(
            p -> out.add(p.field().equals("authenticationRef") ? p : p.under("authenticationRef")));
    return out;
  }

  /** The problems as lines. */
  public List<String> problemLines() {
    return problems().stream().map(ResolveProblem::line).toList();
  }

  /** True when env and auth resolved completely. */
  public boolean ok() {
    return env.ok() && auth.ok();
  }
}
