package dev.keda4j.controller.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keda4j.controller.scaling.resolve.ObjectData;
import dev.keda4j.testkit.kube.KubeApi;
import io.kubernetes.client.openapi.ApiClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client-java ObjectLookup against the Kubernetes API fixture. */
class KubeObjectLookupIT {
  @RegisterExtension static final KubeApi KUBE = KubeApi.create();

  @Test
  void readsSecretsConfigMapsAndTriggerAuthentications() {
    String ns = KUBE.namespace();
    KUBE.apply(
        """
        apiVersion: v1
        kind: Secret
        metadata: {name: creds}
        stringData: {password: pw}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings}
        data: {host: redis}
        ---
        apiVersion: keda.sh/v1alpha1
        kind: TriggerAuthentication
        metadata: {name: ta}
        spec:
          secretTargetRef:
            - {parameter: password, name: creds, key: password}
        """);
    KubeObjectLookup lookup = new KubeObjectLookup(KUBE.apiClient());
    assertThat(lookup.secret(ns, "creds").map(ObjectData::of)).contains(Map.of("password", "pw"));
    assertThat(lookup.configMap(ns, "settings").map(ObjectData::of))
        .contains(Map.of("host", "redis"));
    assertThat(lookup.triggerAuthentication(ns, "ta"))
        .hasValueSatisfying(
            ta ->
                assertThat(ta.getSpec().getSecretTargetRef())
                    .singleElement()
                    .satisfies(r -> assertThat(r.getName()).isEqualTo("creds")));
  }

  @Test
  void missingObjectsAreEmptyNotErrors() {
    KubeObjectLookup lookup = new KubeObjectLookup(KUBE.apiClient());
    assertThat(lookup.secret(KUBE.namespace(), "nope")).isEmpty();
    assertThat(lookup.configMap(KUBE.namespace(), "nope")).isEmpty();
    assertThat(lookup.triggerAuthentication(KUBE.namespace(), "nope")).isEmpty();
    assertThat(lookup.clusterTriggerAuthentication("nope-" + KUBE.namespace())).isEmpty();
  }

  @Test
  void anUnreachableServerIsAnErrorNeverAMissingObject() {
    ApiClient dead = new ApiClient().setBasePath("http://127.0.0.1:1");
    KubeObjectLookup lookup = new KubeObjectLookup(dead);
    assertThatThrownBy(() -> lookup.secret("ns", "creds"))
        .isInstanceOf(KubeCallException.class)
        .hasMessageContaining("get Secret ns/creds failed");
    assertThatThrownBy(() -> lookup.triggerAuthentication("ns", "ta"))
        .isInstanceOf(KubeCallException.class);
  }
}
