package dev.keda4j.testkit.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CrudAndErrorsTest {

  @RegisterExtension static KubeApi kube = KubeApi.create();

  static DynamicKubernetesObject scaledObject(String ns, String name) {
    return new DynamicKubernetesObject(
        JsonParser.parseString(
                """
        {"apiVersion":"keda.sh/v1alpha1","kind":"ScaledObject",
         "metadata":{"name":"%s","namespace":"%s"},
         "spec":{"scaleTargetRef":{"name":"web"},"triggers":[{"type":"cpu","metadata":{"value":"50"}}]}}
        """
                    .formatted(name, ns))
            .getAsJsonObject());
  }

  @Test
  void customResourceCrudThroughGenericKubernetesApi() {
    DynamicKubernetesApi api = kube.dynamicApi("keda.sh/v1alpha1", "scaledobjects");
    String ns = kube.namespace();

    KubernetesApiResponse<DynamicKubernetesObject> created = api.create(scaledObject(ns, "so-a"));
    assertThat(created.isSuccess()).isTrue();
    assertThat(created.getObject().getMetadata().getUid()).isNotBlank();

    DynamicKubernetesObject read = api.get(ns, "so-a").getObject();
    read.getRaw().getAsJsonObject("spec").addProperty("pollingInterval", 5);
    KubernetesApiResponse<DynamicKubernetesObject> updated = api.update(read);
    assertThat(updated.isSuccess()).isTrue();
    assertThat(
            api.get(ns, "so-a")
                .getObject()
                .getRaw()
                .getAsJsonObject("spec")
                .get("pollingInterval")
                .getAsInt())
        .isEqualTo(5);

    assertThat(api.list(ns).getObject().getItems())
        .extracting(o -> o.getMetadata().getName())
        .containsExactly("so-a");
    assertThat(api.delete(ns, "so-a").isSuccess()).isTrue();
    assertThat(api.get(ns, "so-a").getHttpStatusCode()).isEqualTo(404);
  }

  @Test
  void errorsComeAsMetaV1Status() {
    DynamicKubernetesApi api = kube.dynamicApi("keda.sh/v1alpha1", "scaledobjects");
    String ns = kube.namespace();

    KubernetesApiResponse<DynamicKubernetesObject> missing = api.get(ns, "nope");
    assertThat(missing.isSuccess()).isFalse();
    assertThat(missing.getHttpStatusCode()).isEqualTo(404);
    assertThat(missing.getStatus().getReason()).isEqualTo("NotFound");
    assertThat(missing.getStatus().getKind()).isEqualTo("Status");

    assertThat(api.create(scaledObject(ns, "dup")).isSuccess()).isTrue();
    KubernetesApiResponse<DynamicKubernetesObject> again = api.create(scaledObject(ns, "dup"));
    assertThat(again.getHttpStatusCode()).isEqualTo(409);
    assertThat(again.getStatus().getReason()).isEqualTo("AlreadyExists");

    DynamicKubernetesObject stale = api.get(ns, "dup").getObject();
    DynamicKubernetesObject fresh = api.get(ns, "dup").getObject();
    fresh.getRaw().getAsJsonObject("spec").addProperty("minReplicaCount", 1);
    assertThat(api.update(fresh).isSuccess()).isTrue();
    KubernetesApiResponse<DynamicKubernetesObject> conflict = api.update(stale);
    assertThat(conflict.getHttpStatusCode()).isEqualTo(409);
    assertThat(conflict.getStatus().getReason()).isEqualTo("Conflict");

    KubeApi.RawResponse raw = kube.raw("GET", "/api/v1/namespaces/" + ns + "/pods/none", null);
    assertThat(raw.code()).isEqualTo(404);
    assertThat(raw.json().getString("kind")).isEqualTo("Status");
    assertThat(raw.json().getInteger("code")).isEqualTo(404);
  }

  @Test
  void missingKindAndApiVersionAreFilledFromTheUrl() {
    String ns = kube.namespace();
    KubeApi.RawResponse created =
        kube.raw(
            "POST",
            "/api/v1/namespaces/" + ns + "/configmaps",
            "{\"metadata\":{\"name\":\"no-kind\"},\"data\":{\"a\":\"1\"}}");
    assertThat(created.code()).isEqualTo(201);
    assertThat(created.json().getString("kind")).isEqualTo("ConfigMap");
    assertThat(created.json().getString("apiVersion")).isEqualTo("v1");

    KubeApi.RawResponse cr =
        kube.raw(
            "POST",
            "/apis/keda.sh/v1alpha1/namespaces/" + ns + "/triggerauthentications",
            "{\"metadata\":{\"name\":\"ta\"},\"spec\":{}}");
    assertThat(cr.code()).isEqualTo(201);
    assertThat(cr.json().getString("kind")).isEqualTo("TriggerAuthentication");
    assertThat(cr.json().getString("apiVersion")).isEqualTo("keda.sh/v1alpha1");
  }

  @Test
  void generateNameGivesAUniqueName() {
    String ns = kube.namespace();
    KubeApi.RawResponse created =
        kube.raw(
            "POST",
            "/apis/batch/v1/namespaces/" + ns + "/jobs",
            "{\"metadata\":{\"generateName\":\"job-\"},\"spec\":{\"template\":{\"spec\":{}}}}");
    assertThat(created.code()).isEqualTo(201);
    assertThat(created.json().getJsonObject("metadata").getString("name"))
        .startsWith("job-")
        .hasSize(9);
  }

  @Test
  void updateStatusWorksOnAnObjectWithoutStatus() {
    DynamicKubernetesApi api = kube.dynamicApi("keda.sh/v1alpha1", "scaledobjects");
    String ns = kube.namespace();
    DynamicKubernetesObject so = api.create(scaledObject(ns, "so-status")).getObject();
    JsonObject status =
        JsonParser.parseString("{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}]}")
            .getAsJsonObject();
    so.getRaw().add("status", status);

    KubernetesApiResponse<DynamicKubernetesObject> updated =
        api.updateStatus(so, o -> o.getRaw().get("status"));

    assertThat(updated.isSuccess()).as(String.valueOf(updated.getStatus())).isTrue();
    assertThat(
            api.get(ns, "so-status")
                .getObject()
                .getRaw()
                .getAsJsonObject("status")
                .getAsJsonArray("conditions"))
        .hasSize(1);
  }
}
