package dev.keda4j.api.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keda4j.api.crd.RepoPaths;
import dev.keda4j.api.v1alpha1.ClusterTriggerAuthentication;
import dev.keda4j.api.v1alpha1.KedaApi;
import dev.keda4j.api.v1alpha1.ScaledJob;
import dev.keda4j.api.v1alpha1.ScaledObject;
import dev.keda4j.api.v1alpha1.TriggerAuthentication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExamplesTest {
  private static final Map<String, Class<?>> TYPES =
      Map.of(
          KedaApi.SCALED_OBJECT, ScaledObject.class,
          KedaApi.SCALED_JOB, ScaledJob.class,
          KedaApi.TRIGGER_AUTHENTICATION, TriggerAuthentication.class,
          KedaApi.CLUSTER_TRIGGER_AUTHENTICATION, ClusterTriggerAuthentication.class);

  static Stream<Arguments> examples() {
    return SharedExamples.current().stream().map(p -> Arguments.of(p.getFileName().toString(), p));
  }

  @Test
  void theRepositoryCopyMatchesTheSharedExamplesWhenTheyAreBeside() throws IOException {
    Path shared = RepoPaths.root().resolve("../shared/examples").normalize();
    Assumptions.assumeTrue(
        Files.isDirectory(shared), "no ../shared/examples beside the repository");
    try (Stream<Path> files = Files.list(shared)) {
      for (Path original : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        Path copy = RepoPaths.root().resolve("examples").resolve(original.getFileName());
        assertThat(copy).as("examples/ copy of %s", original).exists();
        assertThat(Files.readString(copy)).isEqualTo(Files.readString(original));
      }
    }
  }

  @Test
  void examplesArePresent() {
    assertThat(SharedExamples.all()).hasSizeGreaterThanOrEqualTo(5);
    assertThat(SharedExamples.all())
        .extracting(p -> p.getFileName().toString())
        .contains(SharedExamples.LEGACY, "kafka-scaledjob.yaml");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void roundTripsThroughTheModelUnchanged(String name, Path file) throws IOException {
    List<JsonNode> docs = Manifests.read(file);
    int keda = 0;
    for (JsonNode doc : docs) {
      Class<?> type = TYPES.get(doc.path("kind").asText());
      if (!doc.path("apiVersion").asText().equals(KedaApi.API_VERSION) || type == null) {
        continue;
      }
      keda++;
      Object model = Manifests.toModel(doc, type);
      assertThat(model).isInstanceOf(type);
      assertThat(Manifests.toTree(model)).as("%s %s", name, doc.path("kind")).isEqualTo(doc);
    }
    assertThat(keda).as("KEDA objects in %s", name).isPositive();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void validatesWithoutProblems(String name, Path file) {
    ValidationReport report = new ManifestValidator().validate(List.of(file));
    assertThat(report.problems()).isEmpty();
    assertThat(report.kedaObjects()).isNotEmpty();
  }

  @Test
  void nonKedaDocumentsArePassedThrough() {
    Path file = SharedExamples.dir().resolve("azure-queue-scaledjob.yaml");
    ValidationReport report = new ManifestValidator().validate(List.of(file));
    assertThat(report.otherDocuments())
        .extracting(ManifestDocument::kind)
        .containsExactly("Secret");
    assertThat(report.otherDocuments().get(0).tree().path("stringData").has("connectionString"))
        .isTrue();
    assertThat(report.triggerAuthentications()).hasSize(1);
    assertThat(report.scaledJobs())
        .singleElement()
        .satisfies(
            sj ->
                assertThat(sj.getSpec().getTriggers().get(0).getAuthenticationRef().getName())
                    .isEqualTo("queue-auth"));
  }

  @Test
  void legacyExampleIsRefusedWithTheKedaShForm() {
    Path file = SharedExamples.dir().resolve(SharedExamples.LEGACY);
    ValidationReport report = new ManifestValidator().validate(List.of(file));
    String all = String.join("\n", report.problems());
    assertThat(report.kedaObjects()).isEmpty();
    assertThat(report.problems())
        .allSatisfy(
            l ->
                assertThat(l)
                    .startsWith(file + ": ScaledObject default/keda-service-bus-function: "));
    assertThat(all)
        .contains("keda.k8s.io")
        .contains("spec.scaleTargetRef.deploymentName")
        .contains("spec.scaleTargetRef.name")
        .contains("containerName")
        .contains("envSourceContainerName")
        .contains("triggers outside spec")
        .contains("spec.triggers")
        .contains("keda.sh/v1alpha1");
  }

  @Test
  void legacyConversionSuggestionIsAValidKedaShObject() throws IOException {
    Path file = SharedExamples.dir().resolve(SharedExamples.LEGACY);
    JsonNode converted = LegacyManifests.convert(Manifests.read(file).get(0));
    ValidationReport report =
        new ManifestValidator().validate("converted.yaml", Manifests.toYaml(converted));
    assertThat(report.problems()).isEmpty();
    assertThat(report.scaledObjects())
        .singleElement()
        .satisfies(
            so -> {
              assertThat(so.getSpec().getScaleTargetRef().getName())
                  .isEqualTo("keda-service-bus-function");
              assertThat(so.getSpec().getScaleTargetRef().getEnvSourceContainerName())
                  .isEqualTo("azure-functions-container");
              assertThat(so.getSpec().getTriggers())
                  .extracting(t -> t.getType())
                  .containsExactly("azure-servicebus");
            });
  }
}
