package dev.keda4j.controller.scaling.resolve;

import static dev.keda4j.controller.scaling.resolve.Fixtures.SECRET_VALUE;
import static dev.keda4j.controller.scaling.resolve.Fixtures.configMap;
import static dev.keda4j.controller.scaling.resolve.Fixtures.secret;
import static dev.keda4j.controller.scaling.resolve.Fixtures.template;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1ConfigMapEnvSource;
import io.kubernetes.client.openapi.models.V1ConfigMapKeySelector;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvFromSource;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1EnvVarSource;
import io.kubernetes.client.openapi.models.V1ObjectFieldSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1SecretEnvSource;
import io.kubernetes.client.openapi.models.V1SecretKeySelector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvResolverTest {
  private final InMemoryObjectLookup lookup =
      new InMemoryObjectLookup()
          .add(secret("ns", "creds", Map.of("PASSWORD", SECRET_VALUE, "USER", "admin")))
          .add(configMap("ns", "settings", Map.of("HOST", "redis", "PORT", "6379")));
  private final EnvResolver resolver = new EnvResolver(lookup);

  private static V1EnvVar literal(String name, String value) {
    return new V1EnvVar().name(name).value(value);
  }

  private static V1EnvVar secretKey(String name, String secret, String key, Boolean optional) {
    return new V1EnvVar()
        .name(name)
        .valueFrom(
            new V1EnvVarSource()
                .secretKeyRef(new V1SecretKeySelector().name(secret).key(key).optional(optional)));
  }

  @Test
  void envFromWithPrefixThenEnvOverrides() {
    V1Container c =
        new V1Container()
            .name("app")
            .envFrom(
                List.of(
                    new V1EnvFromSource()
                        .prefix("CFG_")
                        .configMapRef(new V1ConfigMapEnvSource().name("settings")),
                    new V1EnvFromSource().secretRef(new V1SecretEnvSource().name("creds"))))
            .env(List.of(literal("USER", "override")));

    EnvResolution r = resolver.resolve(template(c), null, "ns");

    assertThat(r.problems()).isEmpty();
    assertThat(r.containerName()).isEqualTo("app");
    assertThat(r.env())
        .containsEntry("CFG_HOST", "redis")
        .containsEntry("CFG_PORT", "6379")
        .containsEntry("PASSWORD", SECRET_VALUE)
        .containsEntry("USER", "override")
        .doesNotContainKey("HOST");
  }

  @Test
  void optionalMissingSourcesAreSkipped() {
    V1Container c =
        new V1Container()
            .name("app")
            .envFrom(
                List.of(
                    new V1EnvFromSource()
                        .secretRef(new V1SecretEnvSource().name("absent").optional(true)),
                    new V1EnvFromSource()
                        .configMapRef(new V1ConfigMapEnvSource().name("absent").optional(true))))
            .env(
                List.of(
                    secretKey("A", "absent", "k", true),
                    secretKey("B", "creds", "no-such-key", true),
                    literal("C", "c")));

    EnvResolution r = resolver.resolve(template(c), "", "ns");

    assertThat(r.problems()).isEmpty();
    assertThat(r.env()).containsOnlyKeys("C");
  }

  @Test
  void missingEnvFromSourceIsAProblemNamingTheObject() {
    V1Container c =
        new V1Container()
            .name("app")
            .envFrom(
                List.of(
                    new V1EnvFromSource()
                        .prefix("P_")
                        .secretRef(new V1SecretEnvSource().name("absent"))));

    EnvResolution r = resolver.resolve(template(c), null, "ns");

    assertThat(r.problemLines())
        .containsExactly(
            "container app: envFrom[0]: error reading secret ref absent on namespace ns: Secret"
                + " ns/absent not found");
    assertThat(r.problems().get(0).missing()).contains(ObjectRef.secret("ns", "absent"));
    assertThat(r.possibleSources("P_HOST")).containsExactly(ObjectRef.secret("ns", "absent"));
    assertThat(r.possibleSources("OTHER")).isEmpty();
  }

  @Test
  void expandsAgainstEarlierVariablesOnly() {
    V1Container c =
        new V1Container()
            .name("app")
            .env(
                List.of(
                    literal("LATE_REF", "$(HOST)"),
                    literal("HOST", "redis"),
                    literal("ADDR", "$(HOST):$(PORT)"),
                    literal("PORT", "6379"),
                    literal("ESCAPED", "$$(HOST)")));

    EnvResolution r = resolver.resolve(template(c), null, "ns");

    assertThat(r.env())
        .containsEntry("LATE_REF", "$(HOST)")
        .containsEntry("ADDR", "redis:$(PORT)")
        .containsEntry("ESCAPED", "$(HOST)");
  }

  @Test
  void secretKeyRefWithMissingKeyIsAnErrorNotAnEmptyValue() {
    V1Container c =
        new V1Container().name("app").env(List.of(secretKey("P", "creds", "nope", null)));

    EnvResolution r = resolver.resolve(template(c), null, "ns");

    assertThat(r.env()).doesNotContainKey("P");
    assertThat(r.problemLines())
        .containsExactly(
            "container app: env[0] (P): error resolving secret name creds for env P in namespace"
                + " ns: key \"nope\" not found in Secret ns/creds");
    assertThat(r.problems().get(0).isMissingObject()).isFalse();
  }

  @Test
  void keyRefsResolveAndMissingObjectsAreReported() {
    V1Container c =
        new V1Container()
            .name("app")
            .env(
                List.of(
                    secretKey("P", "creds", "PASSWORD", null),
                    new V1EnvVar()
                        .name("H")
                        .valueFrom(
                            new V1EnvVarSource()
                                .configMapKeyRef(
                                    new V1ConfigMapKeySelector().name("settings").key("HOST"))),
                    new V1EnvVar()
                        .name("POD")
                        .valueFrom(
                            new V1EnvVarSource()
                                .fieldRef(new V1ObjectFieldSelector().fieldPath("metadata.name"))),
                    new V1EnvVar()
                        .name("X")
                        .valueFrom(
                            new V1EnvVarSource()
                                .configMapKeyRef(
                                    new V1ConfigMapKeySelector().name("gone").key("k")))));

    EnvResolution r = resolver.resolve(template(c), null, "ns");

    assertThat(r.env()).containsEntry("P", SECRET_VALUE).containsEntry("H", "redis");
    assertThat(r.env()).doesNotContainKeys("POD", "X");
    assertThat(r.problemLines())
        .containsExactly(
            "container app: env[3] (X): error resolving config gone for env X in namespace ns:"
                + " ConfigMap ns/gone not found");
    assertThat(r.possibleSources("X")).containsExactly(ObjectRef.configMap("ns", "gone"));
    assertThat(r.toString()).doesNotContain(SECRET_VALUE).contains("P");
  }

  @Test
  void namedContainerIsUsedAndAMissingOneIsKedasError() {
    V1Container first = new V1Container().name("first").env(List.of(literal("A", "1")));
    V1Container second = new V1Container().name("second").env(List.of(literal("B", "2")));

    assertThat(resolver.resolve(template(first, second), "second", "ns").env())
        .containsOnlyKeys("B");
    assertThat(resolver.resolve(template(first, second), null, "ns").env()).containsOnlyKeys("A");
    EnvResolution r = resolver.resolve(template(first, second), "third", "ns");
    assertThat(r.env()).isEmpty();
    assertThat(r.problemLines())
        .containsExactly("couldn't find container with name third on Target object");
  }

  @Test
  void noTemplateOrNoContainersGivesAnEmptyEnv() {
    assertThat(resolver.resolve(null, null, "ns")).isEqualTo(EnvResolution.empty());
    assertThat(resolver.resolve(template(), null, "ns").env()).isEmpty();
  }

  @Test
  void stringDataOfManifestSecretsCountsAsData() {
    V1Secret s =
        new V1Secret()
            .metadata(new V1ObjectMeta().name("sd"))
            .stringData(Map.of("TOKEN", SECRET_VALUE));
    EnvResolver r = new EnvResolver(new InMemoryObjectLookup().add(s));
    V1Container c =
        new V1Container()
            .name("app")
            .envFrom(List.of(new V1EnvFromSource().secretRef(new V1SecretEnvSource().name("sd"))));

    assertThat(r.resolve(template(c), null, "default").env()).containsEntry("TOKEN", SECRET_VALUE);
  }
}
