package dev.keda4j.controller.scaling.resolve;

import io.kubernetes.client.openapi.models.V1ConfigMapKeySelector;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvFromSource;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1SecretKeySelector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the environment of the scale target's container (KEDA's {@code resolveEnv}, scalers.md
 * §2.3) through an {@link ObjectLookup}. Pure: no API calls of its own. Unlike KEDA it does not
 * stop at the first problem: every problem is collected, and a key missing from an existing Secret
 * or ConfigMap is a problem (unless the reference is optional) instead of an empty value.
 */
public final class EnvResolver {
  private final ObjectLookup lookup;

  public EnvResolver(ObjectLookup lookup) {
    this.lookup = Objects.requireNonNull(lookup, "lookup");
  }

  /**
   * Resolves the env of {@code containerName} (or the first container when null or empty).
   *
   * @param template the pod template; null or without containers gives an empty env (KEDA)
   * @param containerName {@code envSourceContainerName}, may be null
   * @param namespace namespace of the workload (and of the Secrets/ConfigMaps it references)
   */
  public EnvResolution resolve(V1PodTemplateSpec template, String containerName, String namespace) {
    List<V1Container> containers =
        template == null || template.getSpec() == null || template.getSpec().getContainers() == null
            ? List.of()
            : template.getSpec().getContainers();
    boolean named = containerName != null && !containerName.isEmpty();
    V1Container container = null;
    if (named) {
      for (V1Container c : containers) {
        if (containerName.equals(c.getName())) {
          container = c;
          break;
        }
      }
      if (container == null) {
        return new EnvResolution(
            containerName,
            Map.of(),
            List.of(
                ResolveProblem.error(
                    "",
                    "couldn't find container with name " + containerName + " on Target object")),
            List.of());
      }
    } else if (!containers.isEmpty()) {
      container = containers.get(0);
    }
    if (container == null) {
      return EnvResolution.empty();
    }
    return new Run(container, namespace).resolve();
  }

  private final class Run {
    private final V1Container container;
    private final String cname;
    private final String namespace;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<ResolveProblem> problems = new ArrayList<>();
    private final List<EnvResolution.UnresolvedSource> unresolved = new ArrayList<>();
    private final Set<String> secretVars = new HashSet<>();

    Run(V1Container container, String namespace) {
      this.container = container;
      this.cname = Objects.requireNonNullElse(container.getName(), "");
      this.namespace = Objects.requireNonNullElse(namespace, "");
    }

    EnvResolution resolve() {
      List<V1EnvFromSource> envFrom = container.getEnvFrom();
      if (envFrom != null) {
        for (int i = 0; i < envFrom.size(); i++) {
          envFrom(i, envFrom.get(i));
        }
      }
      List<V1EnvVar> vars = container.getEnv();
      if (vars != null) {
        for (int i = 0; i < vars.size(); i++) {
          envVar(i, vars.get(i));
        }
      }
      return new EnvResolution(cname, env, problems, unresolved, secretVars);
    }

    private String where(String field) {
      return "container " + cname + ": " + field;
    }

    private void envFrom(int i, V1EnvFromSource source) {
      String field = where("envFrom[" + i + "]");
      String prefix = Objects.requireNonNullElse(source.getPrefix(), "");
      if (source.getConfigMapRef() != null) {
        String name = source.getConfigMapRef().getName();
        boolean optional = Boolean.TRUE.equals(source.getConfigMapRef().getOptional());
        ObjectRef ref = ObjectRef.configMap(namespace, name);
        var cm = lookup.configMap(namespace, name);
        if (cm.isPresent()) {
          ObjectData.of(cm.get())
              .forEach(
                  (k, v) -> {
                    env.put(prefix + k, v);
                    secretVars.remove(prefix + k);
                  });
        } else if (!optional) {
          missing(
              field,
              "error reading config ref " + name + " on namespace " + namespace,
              ref,
              "",
              prefix);
        }
      } else if (source.getSecretRef() != null) {
        String name = source.getSecretRef().getName();
        boolean optional = Boolean.TRUE.equals(source.getSecretRef().getOptional());
        ObjectRef ref = ObjectRef.secret(namespace, name);
        var secret = lookup.secret(namespace, name);
        if (secret.isPresent()) {
          ObjectData.of(secret.get())
              .forEach(
                  (k, v) -> {
                    env.put(prefix + k, v);
                    secretVars.add(prefix + k);
                  });
        } else if (!optional) {
          missing(
              field,
              "error reading secret ref " + name + " on namespace " + namespace,
              ref,
              "",
              prefix);
        }
      }
    }

    private void envVar(int i, V1EnvVar v) {
      String name = Objects.requireNonNullElse(v.getName(), "");
      String field = where("env[" + i + "] (" + name + ")");
      if (v.getValue() != null) {
        env.put(name, EnvExpansion.expand(v.getValue(), env));
        secretVars.remove(name);
        return;
      }
      if (v.getValueFrom() == null) {
        // KEDA: an entry with neither value nor valueFrom resolves to ""
        env.put(name, "");
        secretVars.remove(name);
        return;
      }
      V1SecretKeySelector sk = v.getValueFrom().getSecretKeyRef();
      V1ConfigMapKeySelector ck = v.getValueFrom().getConfigMapKeyRef();
      if (sk != null) {
        String intro =
            "error resolving secret name "
                + sk.getName()
                + " for env "
                + name
                + " in namespace "
                + namespace;
        keyRef(
            field,
            intro,
            name,
            ObjectRef.secret(namespace, sk.getName()),
            sk.getKey(),
            Boolean.TRUE.equals(sk.getOptional()),
            lookup.secret(namespace, sk.getName()).map(ObjectData::of));
        if (env.containsKey(name)) {
          secretVars.add(name);
        }
      } else if (ck != null) {
        String intro =
            "error resolving config "
                + ck.getName()
                + " for env "
                + name
                + " in namespace "
                + namespace;
        keyRef(
            field,
            intro,
            name,
            ObjectRef.configMap(namespace, ck.getName()),
            ck.getKey(),
            Boolean.TRUE.equals(ck.getOptional()),
            lookup.configMap(namespace, ck.getName()).map(ObjectData::of));
      }
      // fieldRef / resourceFieldRef: skipped, as in KEDA
    }

    private void keyRef(
        String field,
        String intro,
        String var,
        ObjectRef ref,
        String key,
        boolean optional,
        Optional<Map<String, String>> data) {
      if (data.isEmpty()) {
        if (!optional) {
          missing(field, intro, ref, var, "");
        }
        return;
      }
      String value = data.get().get(key);
      if (value != null) {
        env.put(var, value);
        secretVars.remove(var);
      } else if (!optional) {
        problems.add(
            ResolveProblem.error(field, intro + ": key \"" + key + "\" not found in " + ref));
      }
    }

    private void missing(String field, String intro, ObjectRef ref, String var, String prefix) {
      problems.add(new ResolveProblem(field, intro + ": " + ref + " not found", Optional.of(ref)));
      unresolved.add(new EnvResolution.UnresolvedSource(var, prefix, ref));
    }
  }
}
