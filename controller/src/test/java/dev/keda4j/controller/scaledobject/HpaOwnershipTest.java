package dev.keda4j.controller.scaledobject;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.api.v1alpha1.AdvancedConfig;
import dev.keda4j.api.v1alpha1.HorizontalPodAutoscalerConfig;
import dev.keda4j.api.v1alpha1.KedaApi;
import dev.keda4j.api.v1alpha1.ScaleTarget;
import dev.keda4j.api.v1alpha1.ScaledObject;
import dev.keda4j.api.v1alpha1.ScaledObjectSpec;
import dev.keda4j.controller.scaledobject.hpa.HpaOwnership;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V2CrossVersionObjectReference;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscalerSpec;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Table of who may scale a target: {@link HpaOwnership#conflict}. */
class HpaOwnershipTest {
  private static final OffsetDateTime T0 =
      OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  static ScaledObject so(String name, String target, int ageSeconds) {
    return new ScaledObject()
        .metadata(
            new V1ObjectMeta()
                .name(name)
                .namespace("ns")
                .uid("uid-" + name)
                .creationTimestamp(T0.minusSeconds(ageSeconds)))
        .spec(new ScaledObjectSpec().scaleTargetRef(new ScaleTarget().name(target)));
  }

  static ScaledObject transfer(ScaledObject so, String hpaName, String annotation) {
    so.getMetadata().annotations(Map.of(HpaOwnership.TRANSFER_ANNOTATION, annotation));
    so.getSpec()
        .advanced(
            new AdvancedConfig()
                .horizontalPodAutoscalerConfig(new HorizontalPodAutoscalerConfig().name(hpaName)));
    return so;
  }

  static V2HorizontalPodAutoscaler hpa(String name, String target, String ownerSo) {
    V1ObjectMeta meta = new V1ObjectMeta().name(name).namespace("ns");
    if (ownerSo != null) {
      meta.ownerReferences(
          List.of(
              new V1OwnerReference()
                  .apiVersion(KedaApi.API_VERSION)
                  .kind("ScaledObject")
                  .name(ownerSo)
                  .uid("uid-" + ownerSo)));
    }
    return new V2HorizontalPodAutoscaler()
        .metadata(meta)
        .spec(
            new V2HorizontalPodAutoscalerSpec()
                .scaleTargetRef(
                    new V2CrossVersionObjectReference()
                        .apiVersion("apps/v1")
                        .kind("Deployment")
                        .name(target)));
  }

  /** The ScaledObject owning an HPA, "" when none (for the ITs). */
  static String owner(V2HorizontalPodAutoscaler h) {
    return h == null ? "" : HpaOwnership.scaledObjectOwner(h).orElse("");
  }

  record Row(
      String name,
      ScaledObject so,
      List<ScaledObject> others,
      List<V2HorizontalPodAutoscaler> hpas,
      String conflictContains) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Row> rows() {
    V2HorizontalPodAutoscaler ignored = hpa("theirs", "web", null);
    ignored.getMetadata().annotations(Map.of(HpaOwnership.HPA_OWNERSHIP_ANNOTATION, "false"));
    return Stream.of(
        new Row("alone → ok", so("a", "web", 10), List.of(), List.of(), null),
        new Row(
            "own HPA → ok",
            so("a", "web", 10),
            List.of(),
            List.of(hpa("keda-hpa-a", "web", "a")),
            null),
        new Row(
            "foreign HPA on the target → refused naming it",
            so("a", "web", 10),
            List.of(),
            List.of(hpa("theirs", "web", null)),
            "already managed by the hpa 'theirs'"),
        new Row(
            "foreign HPA on another target → ok",
            so("a", "web", 10),
            List.of(),
            List.of(hpa("theirs", "api", null)),
            null),
        new Row(
            "foreign HPA with our HPA's name on another target → refused",
            so("a", "web", 10),
            List.of(),
            List.of(hpa("keda-hpa-a", "api", null)),
            "the HPA 'keda-hpa-a' already exists"),
        new Row(
            "foreign HPA annotated hpa-ownership=false → ignored",
            so("a", "web", 10),
            List.of(),
            List.of(ignored),
            null),
        new Row(
            "transfer requested for that HPA → adopted",
            transfer(so("a", "web", 10), "theirs", "true"),
            List.of(),
            List.of(hpa("theirs", "web", null)),
            null),
        new Row(
            "transfer annotation false → refused",
            transfer(so("a", "web", 10), "theirs", "false"),
            List.of(),
            List.of(hpa("theirs", "web", null)),
            "already managed by the hpa 'theirs'"),
        new Row(
            "transfer names another HPA → refused",
            transfer(so("a", "web", 10), "other", "true"),
            List.of(),
            List.of(hpa("theirs", "web", null)),
            "already managed by the hpa 'theirs'"),
        new Row(
            "older ScaledObject on the target → refused naming it",
            so("b", "web", 5),
            List.of(so("a", "web", 10), so("b", "web", 5)),
            List.of(hpa("keda-hpa-a", "web", "a")),
            "already managed by the ScaledObject 'a'"),
        new Row(
            "newer ScaledObject on the target → this one keeps it",
            so("a", "web", 10),
            List.of(so("a", "web", 10), so("b", "web", 5)),
            List.of(hpa("keda-hpa-a", "web", "a")),
            null),
        new Row(
            "same age → the first name keeps it",
            so("b", "web", 10),
            List.of(so("a", "web", 10)),
            List.of(),
            "ScaledObject 'a'"),
        new Row(
            "HPA of a ScaledObject that is gone → foreign",
            so("a", "web", 10),
            List.of(),
            List.of(hpa("keda-hpa-old", "web", "old")),
            "already managed by the hpa 'keda-hpa-old'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void conflicts(Row row) {
    Optional<String> c = HpaOwnership.conflict(row.so(), row.others(), row.hpas());
    if (row.conflictContains() == null) {
      assertThat(c).isEmpty();
    } else {
      assertThat(c).hasValueSatisfying(m -> assertThat(m).contains(row.conflictContains()));
    }
  }
}
