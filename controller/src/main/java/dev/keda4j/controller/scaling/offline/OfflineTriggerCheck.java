package dev.keda4j.controller.scaling.offline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keda4j.api.manifest.ManifestDocument;
import dev.keda4j.api.manifest.Manifests;
import dev.keda4j.api.manifest.ValidationReport;
import dev.keda4j.api.v1alpha1.AuthenticationRef;
import dev.keda4j.api.v1alpha1.ClusterTriggerAuthentication;
import dev.keda4j.api.v1alpha1.KedaApi;
import dev.keda4j.api.v1alpha1.ScaleTarget;
import dev.keda4j.api.v1alpha1.ScaleTriggers;
import dev.keda4j.api.v1alpha1.ScaledJob;
import dev.keda4j.api.v1alpha1.ScaledObject;
import dev.keda4j.api.v1alpha1.TriggerAuthentication;
import dev.keda4j.controller.scaling.offline.OfflineProblem.Severity;
import dev.keda4j.controller.scaling.resolve.AuthResolution;
import dev.keda4j.controller.scaling.resolve.AuthResolver;
import dev.keda4j.controller.scaling.resolve.EnvResolution;
import dev.keda4j.controller.scaling.resolve.EnvResolver;
import dev.keda4j.controller.scaling.resolve.EnvSource;
import dev.keda4j.controller.scaling.resolve.InMemoryObjectLookup;
import dev.keda4j.controller.scaling.resolve.ObjectRef;
import dev.keda4j.controller.scaling.resolve.ResolveProblem;
import dev.keda4j.controller.scaling.resolve.ResolvedTrigger;
import dev.keda4j.controller.scaling.resolve.TriggerContexts;
import dev.keda4j.controller.scaling.resolve.TriggerResolver;
import dev.keda4j.scalers.config.Bound;
import dev.keda4j.scalers.config.ConfigError;
import dev.keda4j.scalers.config.ConfigException;
import dev.keda4j.scalers.config.ConfigStrings;
import dev.keda4j.scalers.config.ConfigWarning;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerProvider;
import dev.keda4j.scalers.spi.ScalerRegistry;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1Secret;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The trigger part of {@code keda4j validate}: for every ScaledObject and ScaledJob of a {@link
 * ValidationReport}, resolves env and auth from the documents of the same files (Secrets,
 * ConfigMaps, workloads, TriggerAuthentications, ClusterTriggerAuthentications — a CTA's Secrets
 * and ConfigMaps are looked up in the cluster object namespace) and binds every trigger's
 * parameters with its scaler provider.
 *
 * <p>Findings come as {@link OfflineProblem}s with a {@link Severity}: {@code ERROR} for definite
 * problems (bad or missing parameters, unknown trigger types, a missing key in a Secret that is in
 * the files, unsupported auth providers), {@code WARN} for what could not be checked (references to
 * objects not in the files, types this build does not implement yet) and for unknown metadata keys.
 * The CLI prints {@link OfflineProblem#prefixedLine()} for each and exits non-zero when any {@link
 * OfflineProblem#isError()}.
 *
 * <p>A parameter that would come from an unresolvable env var or auth parameter is bound with a
 * placeholder ({@value #PLACEHOLDER}, valid for strings, numbers, booleans, durations and lists)
 * and binding errors about it are dropped, so the user sees the unresolved reference instead of a
 * misleading "missing required parameter". When the TriggerAuthentication itself is not in the
 * files, only errors about values written literally in the trigger metadata are reported.
 */
public final class OfflineTriggerCheck {
  /** Stands in for values that come from objects not in the files. */
  public static final String PLACEHOLDER = "1";

  private static final String FROM_ENV = "FromEnv";
  private static final String NOT_IN_FILES = "is not in the given files";

  private final String clusterObjectNamespace;
  private final Optional<Path> filePathAuthRoot;

  /** Cluster object namespace {@code keda}, no filePath root. */
  public OfflineTriggerCheck() {
    this(AuthResolver.DEFAULT_CLUSTER_OBJECT_NAMESPACE, Optional.empty());
  }

  /**
   * @param clusterObjectNamespace where CTA Secrets/ConfigMaps are looked up
   * @param filePathAuthRoot root for CTA {@code filePath} (empty: filePath is reported)
   */
  public OfflineTriggerCheck(String clusterObjectNamespace, Optional<Path> filePathAuthRoot) {
    this.clusterObjectNamespace =
        clusterObjectNamespace == null || clusterObjectNamespace.isEmpty()
            ? AuthResolver.DEFAULT_CLUSTER_OBJECT_NAMESPACE
            : clusterObjectNamespace;
    this.filePathAuthRoot = Objects.requireNonNullElse(filePathAuthRoot, Optional.empty());
  }

  /**
   * Checks every trigger of every ScaledObject and ScaledJob in {@code report}.
   *
   * @param report the result of {@code new ManifestValidator().validate(files)}
   * @param registry the scaler providers of this build
   * @param files the files given to the validator, in the same order (to name the file of each
   *     object in the findings)
   * @return findings in file order, errors and warnings mixed
   */
  public List<OfflineProblem> check(
      ValidationReport report, ScalerRegistry registry, List<Path> files) {
    Map<String, String> fileOf = locate(files);
    InMemoryObjectLookup lookup = lookup(report);
    TriggerResolver resolver =
        new TriggerResolver(
            new EnvResolver(lookup),
            new AuthResolver(lookup, clusterObjectNamespace, filePathAuthRoot),
            new TriggerContexts());
    List<OfflineProblem> out = new ArrayList<>();
    for (ScaledObject so : report.scaledObjects()) {
      String id = id(KedaApi.SCALED_OBJECT, so.getMetadata());
      Target target = target(so, report.otherDocuments());
      EnvSource env =
          target.unknown() != null
              ? EnvSource.unknownWorkload(target.unknown())
              : resolver.envSource(so, target.template());
      Emitter e = new Emitter(fileOf.getOrDefault(id, "<input>"), id, out);
      checkObject(
          e,
          resolver.resolve(so, env),
          TriggerContexts.triggers(so),
          target,
          "spec.scaleTargetRef (" + target.ref() + ")",
          registry);
    }
    for (ScaledJob sj : report.scaledJobs()) {
      String id = id(KedaApi.SCALED_JOB, sj.getMetadata());
      Emitter e = new Emitter(fileOf.getOrDefault(id, "<input>"), id, out);
      checkObject(
          e,
          resolver.resolve(sj),
          TriggerContexts.triggers(sj),
          new Target(null, null, null),
          "spec.jobTargetRef.template",
          registry);
    }
    return out;
  }

  /** True when any finding is an error. */
  public static boolean hasErrors(List<OfflineProblem> problems) {
    return problems.stream().anyMatch(OfflineProblem::isError);
  }

  private void checkObject(
      Emitter e,
      List<ResolvedTrigger> resolved,
      List<ScaleTriggers> triggers,
      Target target,
      String envField,
      ScalerRegistry registry) {
    if (!resolved.isEmpty()) {
      // env problems are the workload's, not a trigger's: report them once
      for (ResolveProblem p : resolved.get(0).env().problems()) {
        if (!p.isMissingObject()) {
          e.emit(Severity.ERROR, envField, p.line());
        }
      }
    }
    for (ResolvedTrigger rt : resolved) {
      ScaleTriggers t = triggers.get(rt.index());
      String type = Objects.requireNonNullElse(t.getType(), "");
      String field = "spec.triggers[" + rt.index() + "] (" + type + ")";
      Map<String, String> env = new HashMap<>(rt.context().resolvedEnv());
      Set<String> placeholders = new HashSet<>();
      fromEnv(e, field, rt, target, env, placeholders);
      Map<String, String> auth = new HashMap<>(rt.context().authParams());
      authProblems(e, field, t.getAuthenticationRef(), rt.auth(), auth, placeholders);
      Optional<ScalerProvider<?>> provider = registry.provider(type);
      if (provider.isEmpty()) {
        if (KedaTriggerTypes.isKedaType(type)) {
          e.emit(
              Severity.WARN,
              field,
              "trigger type "
                  + type
                  + " is not supported by this build yet; its parameters were not checked");
        } else {
          e.emit(Severity.ERROR, field, "no scaler found for type: " + type);
        }
        continue;
      }
      ScalerContext ctx = withSources(rt.context(), env, auth);
      Emitter redacting = e.redacting(secretValues(rt));
      bind(redacting, field, provider.get(), ctx, placeholders, rt.auth().authObjectMissing());
    }
  }

  /** Checks every {@code XFromEnv} key; unresolvable vars get a placeholder. */
  private static void fromEnv(
      Emitter e,
      String field,
      ResolvedTrigger rt,
      Target target,
      Map<String, String> env,
      Set<String> placeholders) {
    EnvResolution r = rt.env();
    Map<String, String> metadata = rt.context().metadata();
    for (String key : metadata.keySet().stream().sorted().toList()) {
      if (!key.endsWith(FROM_ENV) || key.length() == FROM_ENV.length()) {
        continue;
      }
      String var = metadata.get(key).trim();
      if (var.isEmpty() || env.containsKey(var)) {
        continue;
      }
      String param = key.substring(0, key.length() - FROM_ENV.length());
      if (target.unknown() != null) {
        e.emit(
            Severity.WARN,
            field,
            key
                + ": env var "
                + var
                + " cannot be checked: scale target "
                + target.unknown()
                + " "
                + NOT_IN_FILES);
        placeholder(env, var, param, placeholders);
        continue;
      }
      List<ObjectRef> from = r.possibleSources(var);
      if (!from.isEmpty()) {
        e.emit(
            Severity.WARN,
            field,
            key
                + ": env var "
                + var
                + " of container "
                + r.containerName()
                + " comes from "
                + join(from)
                + ", which "
                + (from.size() == 1 ? NOT_IN_FILES : "are not in the given files"));
        placeholder(env, var, param, placeholders);
      } else if (r.problems().stream().noneMatch(p -> p.field().isEmpty())) {
        String where = r.containerName().isEmpty() ? "" : " in container " + r.containerName();
        e.emit(Severity.WARN, field, key + ": env var " + var + " is not defined" + where);
      } else {
        // the container is missing: already reported as an env error
        placeholder(env, var, param, placeholders);
      }
    }
  }

  private static void placeholder(
      Map<String, String> env, String var, String param, Set<String> placeholders) {
    env.put(var, PLACEHOLDER);
    placeholders.add(param);
  }

  private static void authProblems(
      Emitter e,
      String field,
      AuthenticationRef ref,
      AuthResolution auth,
      Map<String, String> params,
      Set<String> placeholders) {
    String where = "authenticationRef";
    if (ref != null && ref.getName() != null) {
      String kind =
          ref.getKind() == null || ref.getKind().isEmpty()
              ? KedaApi.TRIGGER_AUTHENTICATION
              : ref.getKind();
      where = "authenticationRef (" + kind + " " + ref.getName() + ")";
    }
    for (ResolveProblem p : auth.problems()) {
      if (p.isMissingObject()) {
        String prefix = p.field().equals("authenticationRef") ? "authenticationRef" : where;
        String sub = p.field().equals("authenticationRef") ? "" : p.field() + ": ";
        e.emit(Severity.WARN, field, prefix + ": " + sub + offlineWording(p.message()));
      } else {
        e.emit(Severity.ERROR, field, where + ": " + p.line());
      }
    }
    for (String param : auth.unresolvedParams()) {
      params.putIfAbsent(param, PLACEHOLDER);
      placeholders.add(param);
    }
  }

  /** "… not found" becomes "… is not in the given files" for objects missing from the files. */
  static String offlineWording(String message) {
    if (message.endsWith(", which was not found")) {
      return message.substring(0, message.length() - "was not found".length()) + NOT_IN_FILES;
    }
    if (message.endsWith(" not found")) {
      return message.substring(0, message.length() - "not found".length()) + NOT_IN_FILES;
    }
    return message;
  }

  private static void bind(
      Emitter e,
      String field,
      ScalerProvider<?> provider,
      ScalerContext ctx,
      Set<String> placeholders,
      boolean authUnknown) {
    try {
      Bound<?> bound = provider.bind(ctx);
      for (ConfigWarning w : bound.warnings()) {
        e.emit(Severity.WARN, field, w.message());
      }
    } catch (ConfigException ex) {
      for (ConfigError err : ex.errors()) {
        if (placeholders.contains(err.param())) {
          continue;
        }
        if (authUnknown && !ctx.metadata().containsKey(err.param())) {
          continue;
        }
        e.emit(Severity.ERROR, field, err.reason());
      }
    } catch (RuntimeException ex) {
      // the message of a provider bug may quote a value: name the exception type only
      e.emit(
          Severity.ERROR,
          field,
          "parameters could not be checked: " + ex.getClass().getSimpleName());
    }
  }

  private static ScalerContext withSources(
      ScalerContext c, Map<String, String> env, Map<String, String> auth) {
    return new ScalerContext(
        c.scalableObjectKind(),
        c.namespace(),
        c.name(),
        c.triggerIndex(),
        c.triggerName(),
        c.triggerType(),
        c.metadata(),
        env,
        auth,
        c.metricType(),
        c.useCachedMetrics(),
        c.asMetricSource(),
        c.globalHttpTimeout());
  }

  /** The scale target of a ScaledObject among the documents. */
  private static Target target(ScaledObject so, List<ManifestDocument> docs) {
    ScaleTarget ref = so.getSpec() == null ? null : so.getSpec().getScaleTargetRef();
    String kind =
        ref == null || ref.getKind() == null || ref.getKind().isEmpty()
            ? "Deployment"
            : ref.getKind();
    String name = ref == null ? "" : Objects.requireNonNullElse(ref.getName(), "");
    String ns = TriggerContexts.namespace(so.getMetadata());
    ObjectRef target = new ObjectRef(kind, ns, name);
    for (ManifestDocument d : docs) {
      if (kind.equals(d.kind()) && name.equals(d.name()) && ns.equals(orDefault(d.namespace()))) {
        JsonNode template = d.tree().path("spec").path("template");
        V1PodTemplateSpec spec = null;
        if (template.isObject()) {
          try {
            spec = Manifests.toModel(template, V1PodTemplateSpec.class);
          } catch (RuntimeException ex) {
            spec = null; // unreadable template: treated like one without containers
          }
        }
        return new Target(target, spec, null);
      }
    }
    return new Target(target, null, target);
  }

  /**
   * A ScaledObject's scale target.
   *
   * @param ref what spec.scaleTargetRef names
   * @param template its pod template (null if none)
   * @param unknown set when the target is not in the files
   */
  private record Target(ObjectRef ref, V1PodTemplateSpec template, ObjectRef unknown) {}

  private static InMemoryObjectLookup lookup(ValidationReport report) {
    InMemoryObjectLookup lookup = new InMemoryObjectLookup();
    for (ManifestDocument d : report.otherDocuments()) {
      if (!d.group().isEmpty()) {
        continue;
      }
      try {
        if ("Secret".equals(d.kind())) {
          lookup.add(d.as(V1Secret.class));
        } else if ("ConfigMap".equals(d.kind())) {
          lookup.add(d.as(V1ConfigMap.class));
        }
      } catch (RuntimeException ex) {
        // unreadable document (e.g. invalid base64 in data): it is then "not in the files";
        // its content may be a secret, so the message is not repeated
        continue;
      }
    }
    for (TriggerAuthentication ta : report.triggerAuthentications()) {
      lookup.add(ta);
    }
    for (ClusterTriggerAuthentication cta : report.clusterTriggerAuthentications()) {
      lookup.add(cta);
    }
    return lookup;
  }

  /** {@code Kind ns/name} → the first file defining it. */
  private static Map<String, String> locate(List<Path> files) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Path f : files) {
      List<JsonNode> docs;
      try {
        docs = Manifests.read(f);
      } catch (IOException | RuntimeException ex) {
        continue; // the validator has already reported the file as unreadable
      }
      for (JsonNode n : docs) {
        ManifestDocument d = new ManifestDocument(f, 0, n);
        if (KedaApi.GROUP.equals(d.group())) {
          out.putIfAbsent(d.kind() + " " + orDefault(d.namespace()) + "/" + d.name(), f.toString());
        }
      }
    }
    return out;
  }

  private static String id(String kind, V1ObjectMeta meta) {
    return kind
        + " "
        + TriggerContexts.namespace(meta)
        + "/"
        + (meta == null ? "" : meta.getName());
  }

  private static String orDefault(String ns) {
    return ns == null || ns.isEmpty() ? "default" : ns;
  }

  private static String join(List<ObjectRef> refs) {
    List<String> s = refs.stream().map(ObjectRef::toString).toList();
    return String.join(" or ", s);
  }

  /**
   * Values that came from Secrets (and auth files): a binding message must not show them, even if a
   * scaler forgot to mark its parameter sensitive. Longest first, so no value is half-masked.
   */
  private static List<String> secretValues(ResolvedTrigger rt) {
    Set<String> values = new HashSet<>(rt.auth().params().values());
    for (String var : rt.env().secretVariables()) {
      values.add(rt.env().env().get(var));
    }
    return values.stream()
        .filter(v -> v != null && !v.isBlank())
        .sorted((a, b) -> Integer.compare(b.length(), a.length()))
        .toList();
  }

  /**
   * Collects findings for one object.
   *
   * @param redact values to mask in messages
   */
  private record Emitter(
      String file, String object, List<OfflineProblem> out, List<String> redact) {
    Emitter(String file, String object, List<OfflineProblem> out) {
      this(file, object, out, List.of());
    }

    Emitter redacting(List<String> values) {
      return new Emitter(file, object, out, values);
    }

    void emit(Severity severity, String field, String message) {
      String m = message;
      for (String v : redact) {
        m = m.replace(v, ConfigStrings.MASK);
      }
      out.add(new OfflineProblem(severity, file, object, field, m));
    }
  }
}
