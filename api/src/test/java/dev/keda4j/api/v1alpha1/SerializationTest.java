package dev.keda4j.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keda4j.api.manifest.Manifests;
import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SerializationTest {
  @Test
  void scaledJobStatusUsesCapitalPausedAndOmitsUnsetFields() {
    ScaledJob sj =
        new ScaledJob()
            .metadata(new V1ObjectMeta().name("j").namespace("ns"))
            .status(
                new ScaledJobStatus()
                    .paused("true")
                    .conditions(List.of(new Condition().type("Ready").status("Unknown"))));
    JsonNode tree = Manifests.toTree(sj);
    assertThat(tree.path("apiVersion").asText()).isEqualTo("keda.sh/v1alpha1");
    assertThat(tree.path("kind").asText()).isEqualTo("ScaledJob");
    assertThat(tree.path("status").path("Paused").asText()).isEqualTo("true");
    assertThat(tree.path("status").has("paused")).isFalse();
    assertThat(tree.has("spec")).isFalse();
    assertThat(tree.path("metadata").size()).isEqualTo(2);
    assertThat(tree.path("status").path("conditions").get(0).size()).isEqualTo(2);
  }

  @Test
  void scaledObjectStatusRoundTrips() {
    String json =
        """
        {"apiVersion":"keda.sh/v1alpha1","kind":"ScaledObject",
         "metadata":{"name":"so","namespace":"default","finalizers":["finalizer.keda.sh"]},
         "spec":{"scaleTargetRef":{"name":"web"},"triggers":[{"type":"cpu","metadata":{},
           "metricType":"Utilization"}]},
         "status":{"scaleTargetKind":"apps/v1.Deployment",
           "scaleTargetGVKR":{"group":"apps","version":"v1","kind":"Deployment","resource":"deployments"},
           "originalReplicaCount":3,"lastActiveTime":"2026-01-02T03:04:05Z",
           "externalMetricNames":["s0-rabbitmq-q"],"resourceMetricNames":["cpu"],
           "health":{"s0-rabbitmq-q":{"numberOfFailures":2,"status":"Failing"}},
           "triggersActivity":{"s0-rabbitmq-q":{"isActive":false}},
           "pausedReplicaCount":0,"hpaName":"keda-hpa-so","triggersTypes":"cpu",
           "authenticationsTypes":"","compositeScalerName":"composite-metric"}}
        """;
    JsonNode tree = Manifests.parseJson(json);
    ScaledObject so = Manifests.toModel(tree, ScaledObject.class);
    assertThat(so.getStatus().getLastActiveTime())
        .isEqualTo(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC));
    assertThat(so.getStatus().getTriggersActivity().get("s0-rabbitmq-q").getIsActive()).isFalse();
    assertThat(so.getStatus().getHealth().get("s0-rabbitmq-q").getNumberOfFailures()).isEqualTo(2);
    JsonNode back = Manifests.toTree(so);
    assertThat(back.path("status").path("triggersActivity").path("s0-rabbitmq-q").has("isActive"))
        .isTrue();
    assertThat(Manifests.toModel(back, ScaledObject.class)).isEqualTo(so);
    assertThat(back.path("spec")).isEqualTo(tree.path("spec"));
    assertThat(back.path("status").path("scaleTargetGVKR"))
        .isEqualTo(tree.path("status").path("scaleTargetGVKR"));
  }

  @Test
  void triggerAuthenticationFieldNames() {
    String yaml =
        """
        apiVersion: keda.sh/v1alpha1
        kind: ClusterTriggerAuthentication
        metadata: {name: cta}
        spec:
          podIdentity: {provider: aws, roleArn: r, externalID: e, identityOwner: keda}
          filePath: creds/app.json
          hashiCorpVault:
            address: https://vault
            authentication: kubernetes
            role: r
            mount: kubernetes
            credential: {serviceAccountName: sa}
            secrets:
            - {parameter: p, path: secret/data/x, key: k, type: secretV2, pkiData: {commonName: c}}
          azureKeyVault:
            vaultUri: https://kv
            secrets: [{parameter: p, name: n, version: v}]
            credentials:
              clientId: id
              tenantId: t
              clientSecret: {valueFrom: {secretKeyRef: {name: s, key: k}}}
            cloud: {type: AzurePublicCloud}
          gcpSecretManager:
            secrets: [{parameter: p, id: i, version: latest}]
          awsSecretManager:
            region: eu-west-1
            secrets: [{parameter: p, name: n, versionId: v, versionStage: AWSCURRENT, secretKey: k}]
            credentials:
              accessKey: {valueFrom: {secretKeyRef: {name: s, key: a}}}
              accessSecretKey: {valueFrom: {secretKeyRef: {name: s, key: b}}}
          boundServiceAccountToken: [{parameter: token, serviceAccountName: sa}]
          configMapTargetRef: [{parameter: p, name: cm, key: k}]
          env: [{parameter: p, name: E, containerName: c}]
          oauth2:
            type: clientCredentials
            clientId: c
            clientSecret: {valueFrom: {secretKeyRef: {name: s, key: k}}}
            tokenUrl: https://idp/token
            scopes: [a, b]
            tokenUrlParams: {audience: x}
        status: {scaledobjects: "a,b", scaledjobs: c}
        """;
    JsonNode tree = parseOne(yaml);
    ClusterTriggerAuthentication cta = Manifests.toModel(tree, ClusterTriggerAuthentication.class);
    assertThat(cta.getSpec().getPodIdentity().getExternalId()).isEqualTo("e");
    assertThat(cta.getStatus().getScaledObjects()).isEqualTo("a,b");
    assertThat(Manifests.toTree(cta)).isEqualTo(tree);
  }

  @Test
  void kindsAndListsImplementClientJavaInterfaces() {
    List<Class<?>> objects =
        List.of(
            ScaledObject.class,
            ScaledJob.class,
            TriggerAuthentication.class,
            ClusterTriggerAuthentication.class);
    assertThat(objects).allSatisfy(c -> assertThat(KubernetesObject.class).isAssignableFrom(c));
    ScaledObjectList list = new ScaledObjectList().items(List.of(new ScaledObject()));
    assertThat(list).isInstanceOf(KubernetesListObject.class);
    assertThat(list.getKind()).isEqualTo("ScaledObjectList");
    assertThat(list.getApiVersion()).isEqualTo(KedaApi.API_VERSION);
    assertThat(new ClusterTriggerAuthenticationList().getKind())
        .isEqualTo("ClusterTriggerAuthenticationList");
    assertThat(Map.of(KedaApi.SCALED_JOBS, KedaApi.SCALED_JOB))
        .containsEntry("scaledjobs", "ScaledJob");
  }

  private static JsonNode parseOne(String yaml) {
    try {
      return Manifests.parse(yaml).get(0);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
