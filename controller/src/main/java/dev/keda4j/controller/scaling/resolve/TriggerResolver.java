package dev.keda4j.controller.scaling.resolve;

import dev.keda4j.api.v1alpha1.ScaleTriggers;
import dev.keda4j.api.v1alpha1.ScaledJob;
import dev.keda4j.api.v1alpha1.ScaledObject;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Resolves every trigger of a ScaledObject or ScaledJob: env of the workload (§2.3), auth params
 * (§2.4) and the resulting {@link dev.keda4j.scalers.spi.ScalerContext}. Pure; objects are read
 * through the {@link ObjectLookup} behind the resolvers.
 */
public final class TriggerResolver {
  private final EnvResolver envResolver;
  private final AuthResolver authResolver;
  private final TriggerContexts contexts;

  public TriggerResolver(
      EnvResolver envResolver, AuthResolver authResolver, TriggerContexts contexts) {
    this.envResolver = Objects.requireNonNull(envResolver, "envResolver");
    this.authResolver = Objects.requireNonNull(authResolver, "authResolver");
    this.contexts = Objects.requireNonNull(contexts, "contexts");
  }

  /** Everything from one lookup, with the given cluster object namespace and no filePath root. */
  public static TriggerResolver of(ObjectLookup lookup, String clusterObjectNamespace) {
    return new TriggerResolver(
        new EnvResolver(lookup),
        new AuthResolver(lookup, clusterObjectNamespace, java.util.Optional.empty()),
        new TriggerContexts());
  }

  /**
   * The env source of a ScaledObject whose scale target has pod template {@code template} (the
   * caller reads the target; null when it has none).
   */
  public EnvSource envSource(ScaledObject so, V1PodTemplateSpec template) {
    String container =
        so.getSpec() == null || so.getSpec().getScaleTargetRef() == null
            ? null
            : so.getSpec().getScaleTargetRef().getEnvSourceContainerName();
    return EnvSource.of(
        envResolver, template, container, TriggerContexts.namespace(so.getMetadata()));
  }

  /** The env source of a ScaledJob: {@code jobTargetRef.template}. */
  public EnvSource envSource(ScaledJob sj) {
    V1PodTemplateSpec template =
        sj.getSpec() == null || sj.getSpec().getJobTargetRef() == null
            ? null
            : sj.getSpec().getJobTargetRef().getTemplate();
    String container = sj.getSpec() == null ? null : sj.getSpec().getEnvSourceContainerName();
    return EnvSource.of(
        envResolver, template, container, TriggerContexts.namespace(sj.getMetadata()));
  }

  /** Resolves every trigger of {@code so} against {@code env}. */
  public List<ResolvedTrigger> resolve(ScaledObject so, EnvSource env) {
    String ns = TriggerContexts.namespace(so.getMetadata());
    List<ScaleTriggers> triggers = TriggerContexts.triggers(so);
    List<ResolvedTrigger> out = new ArrayList<>();
    EnvResolution main = env.container(null);
    for (int i = 0; i < triggers.size(); i++) {
      AuthResolution auth = authResolver.resolve(triggers.get(i).getAuthenticationRef(), ns, env);
      out.add(
          new ResolvedTrigger(
              i, contexts.forScaledObject(so, i, main.env(), auth.params()), main, auth));
    }
    return out;
  }

  /** Resolves every trigger of {@code sj} against {@code env}. */
  public List<ResolvedTrigger> resolve(ScaledJob sj, EnvSource env) {
    String ns = TriggerContexts.namespace(sj.getMetadata());
    List<ScaleTriggers> triggers = TriggerContexts.triggers(sj);
    List<ResolvedTrigger> out = new ArrayList<>();
    EnvResolution main = env.container(null);
    for (int i = 0; i < triggers.size(); i++) {
      AuthResolution auth = authResolver.resolve(triggers.get(i).getAuthenticationRef(), ns, env);
      out.add(
          new ResolvedTrigger(
              i, contexts.forScaledJob(sj, i, main.env(), auth.params()), main, auth));
    }
    return out;
  }

  /** Resolves the triggers of {@code sj} from its own Job template. */
  public List<ResolvedTrigger> resolve(ScaledJob sj) {
    return resolve(sj, envSource(sj));
  }
}
