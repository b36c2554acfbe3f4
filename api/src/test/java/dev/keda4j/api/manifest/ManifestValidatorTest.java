package dev.keda4j.api.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ManifestValidatorTest {
  private static final ManifestValidator VALIDATOR = new ManifestValidator();

  private static String so(String specExtra, String triggers) {
    return """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata:
          name: my-so
          namespace: apps
        spec:
          scaleTargetRef:
            name: web
        %s
          triggers:
        %s
        """
        .formatted(indent(specExtra), indent(triggers));
  }

  private static String sj(String triggers) {
    return """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledJob
        metadata:
          name: my-sj
        spec:
          jobTargetRef:
            template:
              spec:
                containers:
                - name: c
                  image: busybox
                restartPolicy: Never
          triggers:
        %s
        """
        .formatted(indent(triggers));
  }

  private static String ta(String kind, String spec) {
    return """
        apiVersion: keda.sh/v1alpha1
        kind: %s
        metadata:
          name: auth
          namespace: apps
        spec:
        %s
        """
        .formatted(kind, indent(spec));
  }

  private static String indent(String s) {
    return s.lines().map(l -> "  " + l).reduce((a, b) -> a + "\n" + b).orElse("");
  }

  private static final String KAFKA = "- type: kafka\n  metadata: {topic: t}";
  private static final String P = "bad.yaml: ScaledObject apps/my-so: ";
  private static final String PJ = "bad.yaml: ScaledJob default/my-sj: ";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("valid ScaledObject", so("", KAFKA), ""),
        Arguments.of(
            "misspelled field in a trigger",
            so("", "- type: kafka\n  metdata: {topic: t}"),
            P + "spec.triggers[0].metdata: unknown field (did you mean \"metadata\"?)"),
        Arguments.of(
            "misspelled spec field",
            so("pollingIntervall: 10", KAFKA),
            P + "spec.pollingIntervall: unknown field (did you mean \"pollingInterval\"?)"),
        Arguments.of(
            "wrong type",
            so("pollingInterval: \"30\"", KAFKA),
            P + "spec.pollingInterval: expected integer, got string \"30\""),
        Arguments.of(
            "non-string trigger metadata value",
            so("", "- type: kafka\n  metadata: {lagThreshold: 50}"),
            P + "spec.triggers[0].metadata.lagThreshold: expected string, got integer 50"),
        Arguments.of(
            "minimum",
            so("pollingInterval: 0", KAFKA),
            P + "spec.pollingInterval: should be greater than or equal to 1, got 0"),
        Arguments.of(
            "enum",
            so("fallback: {failureThreshold: 3, replicas: 1, behavior: sometimes}", KAFKA),
            P + "spec.fallback.behavior: unsupported value \"sometimes\""),
        Arguments.of(
            "missing triggers", so("", "  []"), P + "spec.triggers: should have at least 1"),
        Arguments.of(
            "missing metadata in trigger",
            so("", "- type: kafka"),
            P + "spec.triggers[0].metadata: required field is missing"),
        Arguments.of(
            "empty trigger type",
            so("", "- type: ''\n  metadata: {}"),
            "should be at least 1 chars"),
        Arguments.of(
            "case 1: CEL min <= max",
            so("minReplicaCount: 5\nmaxReplicaCount: 2", KAFKA),
            P + "spec: minReplicaCount must be less than or equal to maxReplicaCount"),
        Arguments.of(
            "CEL max defaults to 100",
            so("minReplicaCount: 101", KAFKA),
            P + "spec: minReplicaCount must be less than or equal to maxReplicaCount"),
        Arguments.of(
            "case 2: idle with min unset",
            so("maxReplicaCount: 5\nidleReplicaCount: 10", KAFKA),
            P + "spec.idleReplicaCount: IdleReplicaCount=10 must be less than MinReplicaCount=0"),
        Arguments.of(
            "case 3: min 0 idle 0 is valid",
            so("minReplicaCount: 0\nidleReplicaCount: 0", KAFKA),
            ""),
        Arguments.of(
            "case 4: duplicate trigger names",
            so(
                "",
                "- {type: kafka, name: a, metadata: {}}\n- {type: kafka, name: a, metadata: {}}"),
            P + "spec.triggers[1].name: triggerName \"a\" is defined multiple times"),
        Arguments.of(
            "case 5: useCachedMetrics on cron",
            so("", "- {type: cron, useCachedMetrics: true, metadata: {}}"),
            P
                + "spec.triggers[0].useCachedMetrics: property \"useCachedMetrics\" is not"
                + " supported for \"cron\" scaler"),
        Arguments.of(
            "fallback needs a non cpu/memory trigger",
            so(
                "fallback: {failureThreshold: 3, replicas: 1}",
                "- {type: cpu, metadata: {value: '50'}}"),
            "at least one trigger (that is not cpu or memory)"),
        Arguments.of(
            "case 13: 64-char ScaledObject name",
            so("", KAFKA).replace("my-so", "a".repeat(64)),
            "scaledobject name \""
                + "a".repeat(64)
                + "\" is 64 characters long; must be no more than 63 characters because it is used"
                + " as the \"scaledobject.keda.sh/name\" label value"),
        Arguments.of(
            "behavior stabilization window maximum",
            so(
                "advanced:\n  horizontalPodAutoscalerConfig:\n    behavior:\n      scaleDown:\n"
                    + "        stabilizationWindowSeconds: 4000",
                KAFKA),
            "spec.advanced.horizontalPodAutoscalerConfig.behavior.scaleDown"
                + ".stabilizationWindowSeconds: should be less than or equal to 3600"),
        Arguments.of(
            "unknown field in metadata",
            so("", KAFKA).replace("namespace: apps", "namespace: apps\n  lables: {a: b}"),
            P + "metadata.lables: unknown field (did you mean \"labels\"?)"));
  }

  static Stream<Arguments> otherCases() {
    return Stream.of(
        Arguments.of(
            "ScaledJob with metricType",
            sj("- {type: kafka, metricType: Value, metadata: {}}"),
            PJ + "spec.triggers[0].metricType: Cannot set metricType in ScaledJob triggers"),
        Arguments.of("valid ScaledJob", sj(KAFKA), ""),
        Arguments.of(
            "unknown field inside jobTargetRef",
            sj(KAFKA)
                .replace("image: busybox", "image: busybox\n          imagePullPolicyy: Always"),
            PJ
                + "spec.jobTargetRef.template.spec.containers[0].imagePullPolicyy: unknown field"
                + " (did you mean \"imagePullPolicy\"?)"),
        Arguments.of(
            "template metadata labels",
            sj(KAFKA)
                .replace(
                    "    spec:\n        containers",
                    "    metadata: {labels: {a: b}}\n      spec:\n        containers"),
            ""),
        Arguments.of(
            "template metadata is checked like metadata",
            sj(KAFKA)
                .replace(
                    "    spec:\n        containers",
                    "    metadata: {labels: {a: b}, foo: 1}\n      spec:\n        containers"),
            PJ + "spec.jobTargetRef.template.metadata.foo: unknown field"),
        Arguments.of(
            "case 10: aws externalID without roleArn",
            ta("TriggerAuthentication", "podIdentity: {provider: aws, externalID: x}"),
            "bad.yaml: TriggerAuthentication apps/auth: spec.podIdentity.externalID: externalID of"
                + " PodIdentity requires roleArn to be set"),
        Arguments.of(
            "case 11: gcp provider skips the oauth2 check",
            ta(
                "TriggerAuthentication",
                "podIdentity: {provider: gcp}\noauth2: {type: foo, clientId: c, tokenUrl: 'https://x'}"),
            ""),
        Arguments.of(
            "oauth2 type checked without pod identity",
            ta("TriggerAuthentication", "oauth2: {type: foo, clientId: c, tokenUrl: 'https://x'}"),
            "oauth2.type must be 'clientCredentials', got 'foo'"),
        Arguments.of(
            "filePath only on ClusterTriggerAuthentication",
            ta("TriggerAuthentication", "filePath: creds.json"),
            "filePath is only supported for ClusterTriggerAuthentication, got kind:"
                + " TriggerAuthentication"),
        Arguments.of(
            "ClusterTriggerAuthentication has no namespace in its id",
            ta("ClusterTriggerAuthentication", "secretTargetRef: [{parameter: p, name: s}]"),
            "bad.yaml: ClusterTriggerAuthentication auth: spec.secretTargetRef[0].key: required"
                + " field is missing"),
        Arguments.of(
            "unknown keda.sh kind",
            so("", KAFKA).replace("kind: ScaledObject", "kind: ScaledThing"),
            "unknown kind \"ScaledThing\" in keda.sh"),
        Arguments.of(
            "keda.sh field names from KEDA v1",
            so("", KAFKA).replace("name: web", "deploymentName: web"),
            P
                + "spec.scaleTargetRef.deploymentName: unknown field (KEDA v1 name; use"
                + " scaleTargetRef.name)"),
        Arguments.of(
            "duplicate YAML keys",
            so("pollingInterval: 5\npollingInterval: 6", KAFKA),
            "bad.yaml: cannot read: Duplicate field 'pollingInterval'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"cases", "otherCases"})
  void validates(String name, String yaml, String expected) {
    ValidationReport report = VALIDATOR.validate("bad.yaml", yaml);
    if (expected.isEmpty()) {
      assertThat(report.problems()).isEmpty();
      assertThat(report.ok()).isTrue();
      assertThat(report.kedaObjects()).hasSize(1);
    } else {
      assertThat(report.problems()).anySatisfy(l -> assertThat(l).contains(expected));
      assertThat(report.problems())
          .allSatisfy(l -> assertThat(l).startsWith("bad.yaml: ").doesNotContain("\n"));
    }
  }

  @Test
  void otherDocumentsAreReturnedAsIs() {
    String yaml =
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata: {a: b}\n---\n"
            + so("", KAFKA);
    ValidationReport report = VALIDATOR.validate("mixed.yaml", yaml);
    assertThat(report.problems()).isEmpty();
    assertThat(report.otherDocuments())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.kind()).isEqualTo("ConfigMap");
              assertThat(d.tree().path("data").path("a").asText()).isEqualTo("b");
              assertThat(d.index()).isZero();
            });
    assertThat(report.scaledObjects())
        .singleElement()
        .satisfies(s -> assertThat(s.getMetadata().getName()).isEqualTo("my-so"));
  }

  @Test
  void theSameObjectTwiceIsAProblem() {
    String yaml = so("", KAFKA) + "---\n" + so("", KAFKA);
    assertThat(VALIDATOR.validate("twice.yaml", yaml).problems())
        .containsExactly(
            "twice.yaml: ScaledObject apps/my-so: defined twice (first in twice.yaml document 1)");
  }

  @Test
  void missingFileIsAProblem() {
    ValidationReport report =
        VALIDATOR.validate(java.util.List.of(java.nio.file.Path.of("does-not-exist.yaml")));
    assertThat(report.problems())
        .singleElement()
        .asString()
        .startsWith("does-not-exist.yaml: cannot read");
  }
}
