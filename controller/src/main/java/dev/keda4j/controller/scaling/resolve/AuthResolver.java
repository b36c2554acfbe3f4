package dev.keda4j.controller.scaling.resolve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keda4j.api.v1alpha1.AuthConfigMapTargetRef;
import dev.keda4j.api.v1alpha1.AuthEnvironment;
import dev.keda4j.api.v1alpha1.AuthSecretTargetRef;
import dev.keda4j.api.v1alpha1.AuthenticationRef;
import dev.keda4j.api.v1alpha1.ClusterTriggerAuthentication;
import dev.keda4j.api.v1alpha1.KedaApi;
import dev.keda4j.api.v1alpha1.TriggerAuthentication;
import dev.keda4j.api.v1alpha1.TriggerAuthenticationSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Resolves a trigger's {@code authenticationRef} into auth parameters (KEDA's {@code
 * resolveAuthRef}, scalers.md §2.4) through an {@link ObjectLookup}. Pure: no API calls of its own.
 *
 * <p>Order: {@code podIdentity} (kept aside), {@code env[]}, {@code filePath} (CTA only; when set,
 * only the file's parameters are returned, as in KEDA), {@code configMapTargetRef[]}, {@code
 * secretTargetRef[]}; later sources overwrite earlier ones for the same parameter.
 *
 * <p>Unlike KEDA, a missing (Cluster)TriggerAuthentication, Secret, ConfigMap, key or env var is a
 * problem, never a silently empty value; providers keda4j does not implement yet are a problem
 * naming the field. Problems never contain a resolved value.
 */
public final class AuthResolver {
  /** Default cluster object namespace (KEDA's operator namespace in a default install). */
  public static final String DEFAULT_CLUSTER_OBJECT_NAMESPACE = "keda";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NOT_SUPPORTED = "not supported by keda4j yet";

  private final ObjectLookup lookup;
  private final String clusterObjectNamespace;
  private final Optional<Path> filePathAuthRoot;

  /**
   * @param lookup where TAs, CTAs, Secrets and ConfigMaps are read
   * @param clusterObjectNamespace where a CTA's Secrets and ConfigMaps live
   * @param filePathAuthRoot {@code --filepath-auth-root-path}; empty disables {@code filePath}
   */
  public AuthResolver(
      ObjectLookup lookup, String clusterObjectNamespace, Optional<Path> filePathAuthRoot) {
    this.lookup = Objects.requireNonNull(lookup, "lookup");
    this.clusterObjectNamespace =
        clusterObjectNamespace == null || clusterObjectNamespace.isEmpty()
            ? DEFAULT_CLUSTER_OBJECT_NAMESPACE
            : clusterObjectNamespace;
    this.filePathAuthRoot = Objects.requireNonNullElse(filePathAuthRoot, Optional.empty());
  }

  public String clusterObjectNamespace() {
    return clusterObjectNamespace;
  }

  /**
   * Resolves {@code ref} for a workload in {@code namespace}.
   *
   * @param ref the trigger's authenticationRef (null or without name: no auth)
   * @param namespace namespace of the ScaledObject/ScaledJob
   * @param env the workload's container environments (for {@code env[]})
   */
  public AuthResolution resolve(AuthenticationRef ref, String namespace, EnvSource env) {
    if (ref == null || ref.getName() == null || ref.getName().isEmpty()) {
      return AuthResolution.none();
    }
    String kind =
        ref.getKind() == null || ref.getKind().isEmpty()
            ? KedaApi.TRIGGER_AUTHENTICATION
            : ref.getKind();
    Run run = new Run();
    if (KedaApi.TRIGGER_AUTHENTICATION.equals(kind)) {
      Optional<TriggerAuthentication> ta = lookup.triggerAuthentication(namespace, ref.getName());
      if (ta.isEmpty()) {
        return run.objectMissing(new ObjectRef(kind, namespace, ref.getName()));
      }
      return run.resolve(kind, ta.get().getSpec(), namespace, env);
    }
    if (KedaApi.CLUSTER_TRIGGER_AUTHENTICATION.equals(kind)) {
      Optional<ClusterTriggerAuthentication> cta =
          lookup.clusterTriggerAuthentication(ref.getName());
      if (cta.isEmpty()) {
        return run.objectMissing(new ObjectRef(kind, "", ref.getName()));
      }
      return run.resolve(kind, cta.get().getSpec(), clusterObjectNamespace, env);
    }
    run.problems.add(
        ResolveProblem.error(
            "authenticationRef",
            "kind must be TriggerAuthentication or ClusterTriggerAuthentication, got " + kind));
    return run.result();
  }

  private final class Run {
    final Map<String, String> params = new LinkedHashMap<>();
    final List<ResolveProblem> problems = new java.util.ArrayList<>();
    final Set<String> unresolved = new HashSet<>();
    String podIdentity = AuthResolution.NO_POD_IDENTITY;
    boolean authMissing;

    AuthResolution result() {
      return new AuthResolution(params, podIdentity, problems, unresolved, authMissing);
    }

    AuthResolution objectMissing(ObjectRef ta) {
      authMissing = true;
      problems.add(ResolveProblem.missing("authenticationRef", ta));
      return result();
    }

    AuthResolution resolve(
        String kind, TriggerAuthenticationSpec spec, String objectNamespace, EnvSource env) {
      if (spec == null) {
        return result();
      }
      unsupported(spec);
      if (spec.getPodIdentity() != null) {
        String p = spec.getPodIdentity().getProvider();
        if (p != null && !p.isEmpty()) {
          podIdentity = p;
          if (!AuthResolution.NO_POD_IDENTITY.equals(p)) {
            problems.add(
                ResolveProblem.error("podIdentity", "provider " + p + " is " + NOT_SUPPORTED));
          }
        }
      }
      List<AuthEnvironment> envs = spec.getEnv();
      if (envs != null) {
        for (int i = 0; i < envs.size(); i++) {
          env(i, envs.get(i), env);
        }
      }
      String filePath = spec.getFilePath();
      if (filePath != null && !filePath.isEmpty()) {
        if (!KedaApi.CLUSTER_TRIGGER_AUTHENTICATION.equals(kind)) {
          problems.add(
              ResolveProblem.error(
                  "filePath",
                  "filePath is only supported for ClusterTriggerAuthentication, got kind: "
                      + kind));
        } else {
          params.clear();
          unresolved.clear();
          problems.removeIf(p -> p.field().startsWith("env["));
          filePath(filePath);
          return result();
        }
      }
      List<AuthConfigMapTargetRef> cms = spec.getConfigMapTargetRef();
      if (cms != null) {
        for (int i = 0; i < cms.size(); i++) {
          AuthConfigMapTargetRef r = cms.get(i);
          targetRef(
              "configMapTargetRef[" + i + "]",
              r.getParameter(),
              ObjectRef.configMap(objectNamespace, r.getName()),
              r.getKey(),
              n -> lookup.configMap(objectNamespace, n).map(ObjectData::of));
        }
      }
      List<AuthSecretTargetRef> secrets = spec.getSecretTargetRef();
      if (secrets != null) {
        for (int i = 0; i < secrets.size(); i++) {
          AuthSecretTargetRef r = secrets.get(i);
          targetRef(
              "secretTargetRef[" + i + "]",
              r.getParameter(),
              ObjectRef.secret(objectNamespace, r.getName()),
              r.getKey(),
              n -> lookup.secret(objectNamespace, n).map(ObjectData::of));
        }
      }
      return result();
    }

    private void unsupported(TriggerAuthenticationSpec spec) {
      if (spec.getHashiCorpVault() != null) {
        problems.add(ResolveProblem.error("hashiCorpVault", NOT_SUPPORTED));
      }
      if (spec.getAzureKeyVault() != null) {
        problems.add(ResolveProblem.error("azureKeyVault", NOT_SUPPORTED));
      }
      if (spec.getGcpSecretManager() != null) {
        problems.add(ResolveProblem.error("gcpSecretManager", NOT_SUPPORTED));
      }
      if (spec.getAwsSecretManager() != null) {
        problems.add(ResolveProblem.error("awsSecretManager", NOT_SUPPORTED));
      }
      if (spec.getBoundServiceAccountToken() != null
          && !spec.getBoundServiceAccountToken().isEmpty()) {
        problems.add(ResolveProblem.error("boundServiceAccountToken", NOT_SUPPORTED));
      }
      if (spec.getOauth2() != null) {
        problems.add(ResolveProblem.error("oauth2", NOT_SUPPORTED));
      }
    }

    private void env(int i, AuthEnvironment e, EnvSource env) {
      String field = "env[" + i + "]";
      String param = Objects.requireNonNullElse(e.getParameter(), "");
      String var = Objects.requireNonNullElse(e.getName(), "");
      EnvResolution r = env.container(e.getContainerName());
      String value = r.env().get(var);
      if (value != null) {
        params.put(param, value);
        unresolved.remove(param);
        return;
      }
      List<ObjectRef> from = r.possibleSources(var);
      String container = r.containerName().isEmpty() ? "" : " of container " + r.containerName();
      if (!from.isEmpty()) {
        unresolved.add(param);
        problems.add(
            new ResolveProblem(
                field,
                "env var "
                    + var
                    + container
                    + " comes from "
                    + join(from)
                    + ", which was not found",
                Optional.of(from.get(0))));
        return;
      }
      Optional<ResolveProblem> containerProblem =
          r.problems().stream().filter(p -> p.field().isEmpty()).findFirst();
      if (containerProblem.isPresent()) {
        problems.add(ResolveProblem.error(field, containerProblem.get().message()));
      } else {
        problems.add(
            ResolveProblem.error(
                field,
                "env var "
                    + var
                    + " is not defined"
                    + (r.containerName().isEmpty() ? "" : " in container " + r.containerName())));
      }
    }

    private void filePath(String filePath) {
      if (filePathAuthRoot.isEmpty()) {
        problems.add(
            ResolveProblem.error(
                "filePath", "no file-path auth root is configured (--filepath-auth-root-path)"));
        return;
      }
      Path rel = Path.of(filePath);
      if (rel.isAbsolute() || filePath.startsWith("/") || filePath.startsWith("\\")) {
        problems.add(ResolveProblem.error("filePath", "absolute paths are not allowed"));
        return;
      }
      for (Path part : rel) {
        if ("..".equals(part.toString())) {
          problems.add(ResolveProblem.error("filePath", "\"..\" is not allowed in the path"));
          return;
        }
      }
      Path root = filePathAuthRoot.get().toAbsolutePath().normalize();
      Path file = root.resolve(rel).normalize();
      if (!file.startsWith(root)) {
        problems.add(ResolveProblem.error("filePath", "path leaves the auth root"));
        return;
      }
      JsonNode tree;
      try {
        tree = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
      } catch (JsonProcessingException e) {
        // the parser's message may quote file content (a secret): name the file only
        problems.add(ResolveProblem.error("filePath", filePath + " is not valid JSON"));
        return;
      } catch (IOException e) {
        problems.add(
            ResolveProblem.error(
                "filePath", "cannot read " + filePath + ": " + e.getClass().getSimpleName()));
        return;
      }
      if (tree == null || !tree.isObject()) {
        problems.add(ResolveProblem.error("filePath", filePath + " is not a JSON object"));
        return;
      }
      Iterator<Map.Entry<String, JsonNode>> it = tree.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> f = it.next();
        if (!f.getValue().isTextual()) {
          problems.add(
              ResolveProblem.error(
                  "filePath", filePath + ": value of \"" + f.getKey() + "\" is not a string"));
        } else {
          params.put(f.getKey(), f.getValue().asText());
        }
      }
    }

    private void targetRef(
        String field,
        String param,
        ObjectRef ref,
        String key,
        Function<String, Optional<Map<String, String>>> read) {
      String p = Objects.requireNonNullElse(param, "");
      Optional<Map<String, String>> data = read.apply(ref.name());
      if (data.isEmpty()) {
        unresolved.add(p);
        problems.add(ResolveProblem.missing(field, ref));
        return;
      }
      String value = data.get().get(key);
      if (value == null) {
        problems.add(ResolveProblem.error(field, "key \"" + key + "\" not found in " + ref));
        return;
      }
      params.put(p, value);
      unresolved.remove(p);
    }
  }

  private static String join(List<ObjectRef> refs) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < refs.size(); i++) {
      if (i > 0) {
        sb.append(i == refs.size() - 1 ? " or " : ", ");
      }
      sb.append(refs.get(i));
    }
    return sb.toString();
  }
}
