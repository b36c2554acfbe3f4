package dev.keda4j.api.v1alpha1;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * KEDA's code-level checks that need no cluster (controller and webhook): ValidateTriggers,
 * CheckReplicaCountBoundsAreValid, CheckFallbackValid, name lengths, ScaledJob metricType and the
 * TriggerAuthentication webhook rules. Every method is pure and returns all errors found.
 */
public final class KedaValidation {
  /** Longest name usable as a label value. */
  public static final int MAX_NAME_LENGTH = 63;

  public static final String SCALED_JOB_METRIC_TYPE = "Cannot set metricType in ScaledJob triggers";

  private static final Set<String> NO_CACHED_METRICS = Set.of("cpu", "memory", "cron");

  private KedaValidation() {}

  /** KEDA's ValidateTriggers (§1.2). */
  public static List<SpecError> validateTriggers(List<ScaleTriggers> triggers) {
    List<SpecError> errors = new ArrayList<>();
    if (triggers == null || triggers.isEmpty()) {
      errors.add(
          new SpecError("spec.triggers", "no triggers defined in the ScaledObject/ScaledJob"));
      return errors;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < triggers.size(); i++) {
      ScaleTriggers t = triggers.get(i);
      String path = "spec.triggers[" + i + "]";
      if (Boolean.TRUE.equals(t.getUseCachedMetrics()) && NO_CACHED_METRICS.contains(t.getType())) {
        errors.add(
            new SpecError(
                path + ".useCachedMetrics",
                "property \"useCachedMetrics\" is not supported for \""
                    + t.getType()
                    + "\" scaler"));
      }
      String name = t.getName();
      if (name != null && !name.isEmpty() && !names.add(name)) {
        errors.add(
            new SpecError(
                path + ".name",
                "triggerName \""
                    + name
                    + "\" is defined multiple times in the ScaledObject/ScaledJob, but it must be"
                    + " unique"));
      }
    }
    return errors;
  }

  /** KEDA's CheckReplicaCountBoundsAreValid (§2.2). */
  public static List<SpecError> checkReplicaCountBounds(ScaledObjectSpec spec) {
    List<SpecError> errors = new ArrayList<>();
    int min =
        spec.getMinReplicaCount() == null
            ? 0
            : ReplicaCounts.hpaMinReplicas(spec.getMinReplicaCount());
    int max = ReplicaCounts.hpaMaxReplicas(spec.getMaxReplicaCount());
    if (min > max) {
      errors.add(
          new SpecError(
              "spec.minReplicaCount",
              "MinReplicaCount=" + min + " must be less than MaxReplicaCount=" + max));
    }
    Integer idle = spec.getIdleReplicaCount();
    if (idle != null && idle >= min) {
      errors.add(
          new SpecError(
              "spec.idleReplicaCount",
              "IdleReplicaCount=" + idle + " must be less than MinReplicaCount=" + min));
    }
    return errors;
  }

  /** KEDA's IsUsingModifiers: advanced set and scalingModifiers not the zero struct. */
  public static boolean isUsingModifiers(ScaledObjectSpec spec) {
    if (spec.getAdvanced() == null || spec.getAdvanced().getScalingModifiers() == null) {
      return false;
    }
    ScalingModifiers m = spec.getAdvanced().getScalingModifiers();
    return notEmpty(m.getFormula())
        || notEmpty(m.getTarget())
        || notEmpty(m.getActivationTarget())
        || notEmpty(m.getMetricType());
  }

  /** KEDA's CheckFallbackValid (§2.2). */
  public static List<SpecError> checkFallback(ScaledObjectSpec spec) {
    List<SpecError> errors = new ArrayList<>();
    Fallback fb = spec.getFallback();
    if (fb == null) {
      return errors;
    }
    int threshold = fb.getFailureThreshold() == null ? 0 : fb.getFailureThreshold();
    int replicas = fb.getReplicas() == null ? 0 : fb.getReplicas();
    if (threshold < 0 || replicas < 0) {
      errors.add(
          new SpecError(
              "spec.fallback",
              "FailureThreshold="
                  + threshold
                  + " & Replicas="
                  + replicas
                  + " must both be greater than or equal to 0"));
    }
    if (!isUsingModifiers(spec)) {
      boolean ok = false;
      if (spec.getTriggers() != null) {
        for (ScaleTriggers t : spec.getTriggers()) {
          if (!"cpu".equals(t.getType()) && !"memory".equals(t.getType())) {
            ok = true;
          }
        }
      }
      if (!ok) {
        errors.add(
            new SpecError(
                "spec.fallback",
                "at least one trigger (that is not cpu or memory) has to have the `AverageValue`"
                    + " type for the fallback to be enabled"));
      }
    }
    return errors;
  }

  /** Webhook name checks: the SO name and the derived HPA name must fit a label value. */
  public static List<SpecError> checkScaledObjectNames(String name, ScaledObjectSpec spec) {
    List<SpecError> errors = new ArrayList<>();
    if (name != null && name.length() > MAX_NAME_LENGTH) {
      errors.add(
          new SpecError(
              "metadata.name",
              "scaledobject name \""
                  + name
                  + "\" is "
                  + name.length()
                  + " characters long; must be no more than 63 characters because it is used as"
                  + " the \"scaledobject.keda.sh/name\" label value"));
    }
    String hpaName = hpaName(name, spec);
    if (hpaName != null && hpaName.length() > MAX_NAME_LENGTH) {
      errors.add(
          new SpecError(
              "spec.advanced.horizontalPodAutoscalerConfig.name",
              "hpa name \""
                  + hpaName
                  + "\" is "
                  + hpaName.length()
                  + " characters long; must be no more than 63 characters"));
    }
    return errors;
  }

  /** Name of the HPA KEDA manages for a ScaledObject: custom name or {@code keda-hpa-<so>}. */
  public static String hpaName(String soName, ScaledObjectSpec spec) {
    if (spec != null
        && spec.getAdvanced() != null
        && spec.getAdvanced().getHorizontalPodAutoscalerConfig() != null
        && notEmpty(spec.getAdvanced().getHorizontalPodAutoscalerConfig().getName())) {
      return spec.getAdvanced().getHorizontalPodAutoscalerConfig().getName();
    }
    return soName == null ? null : "keda-hpa-" + soName;
  }

  /** All checks of a ScaledObject. */
  public static List<SpecError> validate(ScaledObject so) {
    List<SpecError> errors = new ArrayList<>();
    ScaledObjectSpec spec = so.getSpec();
    String name = so.getMetadata() == null ? null : so.getMetadata().getName();
    errors.addAll(checkScaledObjectNames(name, spec));
    errors.addAll(checkReplicaCountBounds(spec));
    errors.addAll(validateTriggers(spec.getTriggers()));
    errors.addAll(checkFallback(spec));
    return errors;
  }

  /** All checks of a ScaledJob, including "Cannot set metricType in ScaledJob triggers". */
  public static List<SpecError> validate(ScaledJob sj) {
    List<SpecError> errors = new ArrayList<>();
    List<ScaleTriggers> triggers = sj.getSpec().getTriggers();
    errors.addAll(metricTypeInScaledJob(triggers));
    errors.addAll(validateTriggers(triggers));
    return errors;
  }

  /** A ScaledJob trigger must not carry metricType. */
  public static List<SpecError> metricTypeInScaledJob(List<ScaleTriggers> triggers) {
    List<SpecError> errors = new ArrayList<>();
    if (triggers != null) {
      for (int i = 0; i < triggers.size(); i++) {
        if (notEmpty(triggers.get(i).getMetricType())) {
          errors.add(new SpecError("spec.triggers[" + i + "].metricType", SCALED_JOB_METRIC_TYPE));
        }
      }
    }
    return errors;
  }

  /** Webhook rules of a TriggerAuthentication / ClusterTriggerAuthentication (§4.4). */
  public static List<SpecError> validateTriggerAuthentication(
      String kind, TriggerAuthenticationSpec spec) {
    List<SpecError> errors = new ArrayList<>();
    if (spec == null) {
      return errors;
    }
    if (notEmpty(spec.getFilePath()) && !KedaApi.CLUSTER_TRIGGER_AUTHENTICATION.equals(kind)) {
      errors.add(
          new SpecError(
              "spec.filePath",
              "filePath is only supported for ClusterTriggerAuthentication, got kind: " + kind));
    }
    AuthPodIdentity pi = spec.getPodIdentity();
    String provider = pi == null ? null : pi.getProvider();
    if ("azure-workload".equals(provider)) {
      azureWorkload(pi, errors);
    } else if ("aws".equals(provider)) {
      aws(pi, errors);
    } else if (provider != null) {
      // KEDA quirk: any other provider returns OK before the oauth2 block is checked.
      return errors;
    }
    oauth2(spec.getOauth2(), errors);
    return errors;
  }

  private static void azureWorkload(AuthPodIdentity pi, List<SpecError> errors) {
    if (pi.getIdentityId() != null && pi.getIdentityId().isEmpty()) {
      errors.add(
          new SpecError(
              "spec.podIdentity.identityId",
              "identityId of PodIdentity should not be empty. If it's set, identityId has to be"
                  + " different than \"\""));
    }
    if (notEmpty(pi.getIdentityAuthorityHost())) {
      if (!notEmpty(pi.getIdentityTenantId())) {
        errors.add(
            new SpecError(
                "spec.podIdentity.identityTenantId",
                "identityTenantID of PodIdentity should not be nil or empty when"
                    + " identityAuthorityHost of PodIdentity is set"));
      }
    } else if (pi.getIdentityTenantId() != null && pi.getIdentityTenantId().isEmpty()) {
      errors.add(
          new SpecError(
              "spec.podIdentity.identityTenantId",
              "identityTenantId of PodIdentity should not be empty. If it's set, identityTenantId"
                  + " has to be different than \"\""));
    }
  }

  private static void aws(AuthPodIdentity pi, List<SpecError> errors) {
    if (notEmpty(pi.getRoleArn()) && "workload".equals(pi.getIdentityOwner())) {
      errors.add(
          new SpecError(
              "spec.podIdentity.roleArn",
              "roleArn of PodIdentity can't be set if KEDA isn't identityOwner"));
    }
    if (notEmpty(pi.getExternalId()) && !notEmpty(pi.getRoleArn())) {
      errors.add(
          new SpecError(
              "spec.podIdentity.externalID",
              "externalID of PodIdentity requires roleArn to be set"));
    }
  }

  private static void oauth2(OAuth2 o, List<SpecError> errors) {
    if (o == null) {
      return;
    }
    String type = o.getType() == null ? "clientCredentials" : o.getType();
    if (!"clientCredentials".equals(type)) {
      errors.add(
          new SpecError(
              "spec.oauth2.type", "oauth2.type must be 'clientCredentials', got '" + type + "'"));
    }
    if (!notEmpty(o.getClientId())) {
      errors.add(new SpecError("spec.oauth2.clientId", "oauth2.clientId is required"));
    }
    if (!notEmpty(o.getTokenUrl())) {
      errors.add(new SpecError("spec.oauth2.tokenUrl", "oauth2.tokenUrl is required"));
    } else if (!validHttpUrl(o.getTokenUrl())) {
      errors.add(
          new SpecError(
              "spec.oauth2.tokenUrl",
              "oauth2.tokenUrl must be a valid http or https URL, got '" + o.getTokenUrl() + "'"));
    }
  }

  private static boolean validHttpUrl(String s) {
    try {
      URI uri = new URI(s);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && notEmpty(uri.getHost());
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static boolean notEmpty(String s) {
    return s != null && !s.isEmpty();
  }
}
