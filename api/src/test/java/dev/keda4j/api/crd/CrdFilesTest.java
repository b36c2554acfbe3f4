package dev.keda4j.api.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keda4j.api.manifest.Manifests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CrdFilesTest {
  private static final Path DIR = RepoPaths.root().resolve(CrdGenerator.CRD_DIR);

  static Stream<Arguments> rendered() {
    return CrdGenerator.render().entrySet().stream()
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rendered")
  void committedCrdIsUpToDate(String fileName, String expected) throws IOException {
    Path file = DIR.resolve(fileName);
    assertThat(file)
        .as("%s is missing; regenerate with: %s", file, CrdGenerator.REGENERATE_COMMAND)
        .exists();
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .as(
            "%s is out of date with the api model; regenerate with: %s",
            file, CrdGenerator.REGENERATE_COMMAND)
        .isEqualTo(expected);
  }

  @Test
  void noStrayCrdFiles() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(CrdGenerator.render().keySet());
    }
  }

  static Stream<Arguments> names() {
    return Stream.of(
        Arguments.of("ScaledObject", "scaledobjects", List.of("so"), "Namespaced"),
        Arguments.of("ScaledJob", "scaledjobs", List.of("sj"), "Namespaced"),
        Arguments.of(
            "TriggerAuthentication",
            "triggerauthentications",
            List.of("ta", "triggerauth"),
            "Namespaced"),
        Arguments.of(
            "ClusterTriggerAuthentication",
            "clustertriggerauthentications",
            List.of("cta", "clustertriggerauth"),
            "Cluster"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void namesScopeVersionAndStatusSubresource(
      String kind, String plural, List<String> shortNames, String scope) throws IOException {
    JsonNode crd = Manifests.read(DIR.resolve("keda.sh_" + plural + ".yaml")).get(0);
    assertThat(crd.path("apiVersion").asText()).isEqualTo("apiextensions.k8s.io/v1");
    assertThat(crd.path("metadata").path("name").asText()).isEqualTo(plural + ".keda.sh");
    JsonNode spec = crd.path("spec");
    assertThat(spec.path("group").asText()).isEqualTo("keda.sh");
    assertThat(spec.path("scope").asText()).isEqualTo(scope);
    assertThat(spec.path("names").path("kind").asText()).isEqualTo(kind);
    assertThat(spec.path("names").path("plural").asText()).isEqualTo(plural);
    assertThat(texts(spec.path("names").path("shortNames"))).isEqualTo(shortNames);
    assertThat(spec.path("versions")).hasSize(1);
    JsonNode v = spec.path("versions").get(0);
    assertThat(v.path("name").asText()).isEqualTo("v1alpha1");
    assertThat(v.path("served").asBoolean()).isTrue();
    assertThat(v.path("storage").asBoolean()).isTrue();
    assertThat(v.path("subresources").path("status").isObject()).isTrue();
    assertThat(v.path("subresources").has("scale")).isFalse();
    JsonNode schema = v.path("schema").path("openAPIV3Schema");
    assertThat(texts(schema.path("required"))).containsExactly("spec");
    assertThat(schema.path("properties").path("status").path("type").asText()).isEqualTo("object");
  }

  static Stream<Arguments> columns() {
    return Stream.of(
        Arguments.of(
            "ScaledObject",
            List.of(
                "ScaleTargetKind",
                "ScaleTargetName",
                "Min",
                "Max",
                "Ready",
                "Active",
                "Fallback",
                "Paused",
                "Triggers",
                "Authentications",
                "Age")),
        Arguments.of(
            "ScaledJob",
            List.of(
                "Min", "Max", "Triggers", "Authentication", "Ready", "Active", "Paused", "Age")),
        Arguments.of(
            "TriggerAuthentication",
            List.of("PodIdentity", "Secret", "Env", "VaultAddress", "ScaledObjects", "ScaledJobs")),
        Arguments.of(
            "ClusterTriggerAuthentication",
            List.of(
                "PodIdentity",
                "Secret",
                "Env",
                "FilePath",
                "VaultAddress",
                "ScaledObjects",
                "ScaledJobs")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("columns")
  void printerColumnsInOrder(String kind, List<String> expected) {
    JsonNode cols =
        KedaCrds.forKind(kind)
            .document()
            .path("spec")
            .path("versions")
            .get(0)
            .path("additionalPrinterColumns");
    List<String> names = new ArrayList<>();
    cols.forEach(c -> names.add(c.path("name").asText()));
    assertThat(names).isEqualTo(expected);
  }

  @Test
  void scaledJobColumnsMatchKubectlOutputOfTheKafkaExample() {
    Map<String, String> expected =
        Map.of(
            "Min", ".spec.minReplicaCount",
            "Max", ".spec.maxReplicaCount",
            "Triggers", ".status.triggersTypes",
            "Authentication", ".status.authenticationsTypes",
            "Ready", ".status.conditions[?(@.type==\"Ready\")].status",
            "Paused", ".status.conditions[?(@.type==\"Paused\")].status",
            "Age", ".metadata.creationTimestamp");
    JsonNode cols =
        KedaCrds.forKind("ScaledJob")
            .document()
            .path("spec")
            .path("versions")
            .get(0)
            .path("additionalPrinterColumns");
    cols.forEach(
        c -> {
          if (expected.containsKey(c.path("name").asText())) {
            assertThat(c.path("jsonPath").asText())
                .isEqualTo(expected.get(c.path("name").asText()));
          }
          assertThat(c.has("priority")).isFalse();
        });
    assertThat(cols).hasSize(8);
  }

  @Test
  void scaledJobTriggersHaveNoMetricTypeButScaledObjectTriggersDo() {
    JsonNode sj = triggerItem("ScaledJob");
    JsonNode so = triggerItem("ScaledObject");
    assertThat(sj.path("properties").has("metricType")).isFalse();
    assertThat(so.path("properties").has("metricType")).isTrue();
    for (JsonNode t : List.of(sj, so)) {
      assertThat(texts(t.path("required"))).containsExactly("metadata", "type");
      assertThat(t.path("properties").path("type").path("minLength").asInt()).isEqualTo(1);
      assertThat(
              t.path("properties")
                  .path("metadata")
                  .path("additionalProperties")
                  .path("type")
                  .asText())
          .isEqualTo("string");
    }
  }

  @Test
  void scaledObjectSpecValidation() {
    JsonNode spec = specSchema("ScaledObject");
    assertThat(spec.path("x-kubernetes-validations").get(0).path("rule").asText())
        .isEqualTo(
            "!has(self.minReplicaCount) || self.minReplicaCount <= (has(self.maxReplicaCount) ?"
                + " self.maxReplicaCount : 100)");
    assertThat(spec.path("x-kubernetes-validations").get(0).path("message").asText())
        .isEqualTo("minReplicaCount must be less than or equal to maxReplicaCount");
    assertThat(texts(spec.path("required"))).containsExactly("scaleTargetRef", "triggers");
    JsonNode p = spec.path("properties");
    assertThat(p.path("triggers").path("minItems").asInt()).isEqualTo(1);
    assertThat(p.path("pollingInterval").path("minimum").asInt()).isEqualTo(1);
    assertThat(p.path("maxReplicaCount").path("minimum").asInt()).isEqualTo(1);
    assertThat(p.path("minReplicaCount").path("minimum").asInt()).isZero();
    assertThat(p.path("fallback").path("properties").path("behavior").path("default").asText())
        .isEqualTo("static");
    assertThat(texts(p.path("fallback").path("required")))
        .containsExactly("failureThreshold", "replicas");
    JsonNode window =
        p.path("advanced")
            .path("properties")
            .path("horizontalPodAutoscalerConfig")
            .path("properties")
            .path("behavior")
            .path("properties")
            .path("scaleUp")
            .path("properties")
            .path("stabilizationWindowSeconds");
    assertThat(window.path("minimum").asInt()).isZero();
    assertThat(window.path("maximum").asInt()).isEqualTo(3600);
    assertThat(p.path("scaleTargetRef").path("properties").path("name").path("minLength").asInt())
        .isEqualTo(1);
  }

  @Test
  void scaledJobEmbedsTheJobSpecSchema() {
    JsonNode job = specSchema("ScaledJob").path("properties").path("jobTargetRef");
    JsonNode template = job.path("properties").path("template").path("properties");
    assertThat(template.path("metadata").path("x-kubernetes-preserve-unknown-fields").asBoolean())
        .isTrue();
    JsonNode container = template.path("spec").path("properties").path("containers").path("items");
    assertThat(texts(container.path("required"))).contains("name");
    assertThat(texts(container.path("properties").path("ports").path("items").path("required")))
        .containsExactly("containerPort", "protocol");
    assertThat(
            container
                .path("properties")
                .path("resources")
                .path("properties")
                .path("limits")
                .path("additionalProperties")
                .path("x-kubernetes-int-or-string")
                .asBoolean())
        .isTrue();
    assertThat(job.path("properties").path("activeDeadlineSeconds").path("format").asText())
        .isEqualTo("int64");
    assertThat(texts(specSchema("ScaledJob").path("required")))
        .containsExactly("jobTargetRef", "triggers");
  }

  @Test
  void scaledJobStatusHasCapitalPaused() {
    JsonNode status =
        KedaCrds.forKind("ScaledJob").schema().path("properties").path("status").path("properties");
    assertThat(status.has("Paused")).isTrue();
    assertThat(status.has("paused")).isFalse();
  }

  private static JsonNode specSchema(String kind) {
    return KedaCrds.forKind(kind).schema().path("properties").path("spec");
  }

  private static JsonNode triggerItem(String kind) {
    return specSchema(kind).path("properties").path("triggers").path("items");
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
