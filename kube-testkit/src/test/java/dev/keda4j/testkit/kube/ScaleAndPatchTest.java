package dev.keda4j.testkit.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.models.V1Scale;
import io.kubernetes.client.util.PatchUtils;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubernetes.client.util.generic.options.PatchOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ScaleAndPatchTest {

  @RegisterExtension static KubeApi kube = KubeApi.create();

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: %s}
      spec:
        replicas: 2
        selector: {matchLabels: {app: %s}}
        template:
          metadata: {labels: {app: %s}}
          spec:
            containers:
            - {name: main, image: nginx, env: [{name: A, value: "1"}]}
            - {name: side, image: busybox}
      status: {replicas: 2}
      """;

  private void deployment(String name) {
    kube.apply(DEPLOYMENT.formatted(name, name, name));
  }

  @Test
  void scaleOfADeploymentGetPatchAndPut() throws Exception {
    deployment("web");
    AppsV1Api apps = new AppsV1Api(kube.apiClient());
    String ns = kube.namespace();

    V1Scale scale = apps.readNamespacedDeploymentScale("web", ns).execute();
    assertThat(scale.getKind()).isEqualTo("Scale");
    assertThat(scale.getSpec().getReplicas()).isEqualTo(2);
    assertThat(scale.getStatus().getReplicas()).isEqualTo(2);
    assertThat(scale.getStatus().getSelector()).isEqualTo("app=web");

    V1Scale merged =
        PatchUtils.patch(
            V1Scale.class,
            () ->
                apps.patchNamespacedDeploymentScale(
                        "web", ns, new V1Patch("{\"spec\":{\"replicas\":5}}"))
                    .buildCall(null),
            V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
            kube.apiClient());
    assertThat(merged.getSpec().getReplicas()).isEqualTo(5);

    V1Scale jsonPatched =
        PatchUtils.patch(
            V1Scale.class,
            () ->
                apps.patchNamespacedDeploymentScale(
                        "web",
                        ns,
                        new V1Patch(
                            "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":3}]"))
                    .buildCall(null),
            V1Patch.PATCH_FORMAT_JSON_PATCH,
            kube.apiClient());
    assertThat(jsonPatched.getSpec().getReplicas()).isEqualTo(3);

    V1Scale put = apps.readNamespacedDeploymentScale("web", ns).execute();
    put.getSpec().setReplicas(0);
    assertThat(
            apps.replaceNamespacedDeploymentScale("web", ns, put).execute().getSpec().getReplicas())
        .isZero();

    var deployment = apps.readNamespacedDeployment("web", ns).execute();
    assertThat(deployment.getSpec().getReplicas()).isZero();
    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers()).hasSize(2);
  }

  @Test
  void scaleOfACustomResource() {
    String ns = kube.namespace();
    KubeApi.RawResponse created =
        kube.raw(
            "POST",
            "/apis/example.com/v1/namespaces/" + ns + "/widgets",
            "{\"metadata\":{\"name\":\"w\"},\"spec\":{\"replicas\":1,\"size\":\"big\"},"
                + "\"status\":{\"replicas\":1,\"selector\":\"app=w\"}}");
    assertThat(created.code()).isEqualTo(201);
    String scalePath = "/apis/example.com/v1/namespaces/" + ns + "/widgets/w/scale";

    JsonObject scale = kube.raw("GET", scalePath, null).json();
    assertThat(scale.getString("kind")).isEqualTo("Scale");
    assertThat(scale.getJsonObject("spec").getInteger("replicas")).isEqualTo(1);
    assertThat(scale.getJsonObject("status").getString("selector")).isEqualTo("app=w");

    KubeApi.RawResponse patched = kube.raw("PATCH", scalePath, "{\"spec\":{\"replicas\":4}}");
    assertThat(patched.code()).isEqualTo(200);
    assertThat(patched.json().getJsonObject("spec").getInteger("replicas")).isEqualTo(4);

    JsonObject widget =
        kube.raw("GET", "/apis/example.com/v1/namespaces/" + ns + "/widgets/w", null).json();
    assertThat(widget.getJsonObject("spec").getInteger("replicas")).isEqualTo(4);
    assertThat(widget.getJsonObject("spec").getString("size")).isEqualTo("big");
    assertThat(widget.getString("kind")).isEqualTo("Widget");
  }

  @Test
  void mergePatchOnStatusReplacesConditionsInsteadOfAppending() {
    DynamicKubernetesApi api = kube.dynamicApi("keda.sh/v1alpha1", "scaledobjects");
    String ns = kube.namespace();
    api.create(CrudAndErrorsTest.scaledObject(ns, "so-cond"));
    String patch =
        "{\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"%s\"},"
            + "{\"type\":\"Active\",\"status\":\"False\"}]}}";
    for (String s : new String[] {"False", "True", "True"}) {
      KubeApi.RawResponse r =
          kube.raw(
              "PATCH",
              "/apis/keda.sh/v1alpha1/namespaces/" + ns + "/scaledobjects/so-cond/status",
              patch.formatted(s));
      assertThat(r.code()).isEqualTo(200);
    }
    DynamicKubernetesObject so = api.get(ns, "so-cond").getObject();
    JsonArray conditions = so.getRaw().getAsJsonObject("status").getAsJsonArray("conditions");
    assertThat(conditions).hasSize(2);
    assertThat(conditions.get(0).getAsJsonObject().get("status").getAsString()).isEqualTo("True");
    assertThat(so.getRaw().getAsJsonObject("spec").getAsJsonArray("triggers")).hasSize(1);
  }

  @Test
  void mergePatchThroughGenericApiRemovesKeysWithNull() {
    DynamicKubernetesApi api = kube.dynamicApi("keda.sh/v1alpha1", "scaledobjects");
    String ns = kube.namespace();
    api.create(CrudAndErrorsTest.scaledObject(ns, "so-merge"));
    KubernetesApiResponse<DynamicKubernetesObject> patched =
        api.patch(
            ns,
            "so-merge",
            V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
            new V1Patch(
                "{\"spec\":{\"scaleTargetRef\":null,\"triggers\":[]},"
                    + "\"metadata\":{\"labels\":{\"a\":\"b\"}}}"));
    assertThat(patched.isSuccess()).isTrue();
    var spec = patched.getObject().getRaw().getAsJsonObject("spec");
    assertThat(spec.has("scaleTargetRef")).isFalse();
    assertThat(spec.getAsJsonArray("triggers")).isEmpty();
    assertThat(patched.getObject().getMetadata().getLabels()).containsEntry("a", "b");
  }

  @Test
  void strategicMergePatchMergesContainersByName() throws Exception {
    deployment("smp");
    AppsV1Api apps = new AppsV1Api(kube.apiClient());
    String ns = kube.namespace();
    var patched =
        PatchUtils.patch(
            io.kubernetes.client.openapi.models.V1Deployment.class,
            () ->
                apps.patchNamespacedDeployment(
                        "smp",
                        ns,
                        new V1Patch(
                            "{\"spec\":{\"template\":{\"spec\":{\"containers\":"
                                + "[{\"name\":\"main\",\"image\":\"nginx:2\"}]}}}}"))
                    .buildCall(null),
            V1Patch.PATCH_FORMAT_STRATEGIC_MERGE_PATCH,
            kube.apiClient());
    var containers = patched.getSpec().getTemplate().getSpec().getContainers();
    assertThat(containers).extracting(c -> c.getName()).containsExactly("main", "side");
    assertThat(containers.get(0).getImage()).isEqualTo("nginx:2");
    assertThat(containers.get(0).getEnv()).hasSize(1);
  }

  @Test
  void serverSideApplyCreatesThenMerges() {
    String ns = kube.namespace();
    DynamicKubernetesApi api = kube.dynamicApi("v1", "configmaps");
    PatchOptions options = new PatchOptions();
    options.setFieldManager("test");
    KubernetesApiResponse<DynamicKubernetesObject> created =
        api.patch(
            ns,
            "applied",
            V1Patch.PATCH_FORMAT_APPLY_YAML,
            new V1Patch(
                "apiVersion: v1\nkind: ConfigMap\n"
                    + "metadata: {name: applied}\ndata: {a: '1'}\n"),
            options);
    assertThat(created.getHttpStatusCode()).isIn(200, 201);
    assertThat(kube.raw("GET", "/api/v1/namespaces/" + ns + "/configmaps/applied", null).code())
        .isEqualTo(200);
    KubernetesApiResponse<DynamicKubernetesObject> merged =
        api.patch(
            ns,
            "applied",
            V1Patch.PATCH_FORMAT_APPLY_YAML,
            new V1Patch(
                "apiVersion: v1\nkind: ConfigMap\n"
                    + "metadata: {name: applied}\ndata: {b: '2'}\n"),
            options);
    assertThat(merged.getHttpStatusCode()).isEqualTo(200);
    assertThat(merged.getObject().getRaw().getAsJsonObject("data").keySet())
        .containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void badJsonPatchIsInvalid() {
    deployment("bad");
    KubeApi.RawResponse r =
        kube.raw(
            "PATCH",
            "/apis/apps/v1/namespaces/" + kube.namespace() + "/deployments/bad",
            "[{\"op\":\"test\",\"path\":\"/spec/replicas\",\"value\":9}]",
            "application/json-patch+json");
    assertThat(r.code()).isEqualTo(422);
    assertThat(r.json().getString("reason")).isEqualTo("Invalid");
  }
}
