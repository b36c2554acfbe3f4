package dev.keda4j.testkit.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.Discovery;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.VersionApi;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DiscoveryAndSelectorsTest {

  @RegisterExtension static KubeApi kube = KubeApi.create();

  @Test
  void versionAndDiscoveryDocuments() throws Exception {
    assertThat(new VersionApi(kube.apiClient()).getCode().execute().getMajor()).isEqualTo("1");

    JsonObject groups = kube.raw("GET", "/apis", null).json();
    assertThat(groups.getString("kind")).isEqualTo("APIGroupList");
    List<String> names = new ArrayList<>();
    groups.getJsonArray("groups").forEach(g -> names.add(((JsonObject) g).getString("name")));
    assertThat(names)
        .contains(
            "apps",
            "batch",
            "autoscaling",
            "coordination.k8s.io",
            "apiextensions.k8s.io",
            "events.k8s.io",
            "keda.sh");

    JsonObject keda = kube.raw("GET", "/apis/keda.sh/v1alpha1", null).json();
    List<String> resources = new ArrayList<>();
    keda.getJsonArray("resources").forEach(r -> resources.add(((JsonObject) r).getString("name")));
    assertThat(resources)
        .contains(
            "scaledobjects",
            "scaledobjects/status",
            "scaledjobs",
            "scaledjobs/status",
            "triggerauthentications",
            "clustertriggerauthentications");

    Set<Discovery.APIResource> all = new Discovery(kube.apiClient()).findAll();
    assertThat(all)
        .anySatisfy(
            r -> {
              assertThat(r.getKind()).isEqualTo("Deployment");
              assertThat(r.getSubResources()).contains("scale", "status");
            });
    assertThat(all).anySatisfy(r -> assertThat(r.getKind()).isEqualTo("ScaledObject"));
    assertThat(kube.raw("GET", "/apis/nope.example.com/v1", null).code()).isEqualTo(404);
  }

  private static String kubectl(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of("/usr/bin/kubectl", "--kubeconfig", kube.kubeconfig().toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  @Test
  void kubectlTalksToTheStandIn() throws Exception {
    JsonObject apis = new JsonObject(kubectl("get", "--raw", "/apis"));
    assertThat(apis.getJsonArray("groups")).isNotEmpty();
    assertThat(kubectl("api-resources")).contains("scaledobjects", "deployments", "leases");
    new CoreV1Api(kube.apiClient())
        .createNamespacedConfigMap(
            kube.namespace(),
            new V1ConfigMap()
                .apiVersion("v1")
                .kind("ConfigMap")
                .metadata(new V1ObjectMeta().name("from-java")))
        .execute();
    assertThat(kubectl("get", "configmaps", "-o", "name")).contains("configmap/from-java");
  }

  @Test
  void setBasedLabelSelectorsAreFiltered() throws Exception {
    String ns = kube.createNamespace("selectors");
    CoreV1Api core = new CoreV1Api(kube.apiClient());
    for (String[] l : new String[][] {{"a", "web", "x"}, {"b", "api", null}, {"c", "db", "x"}}) {
      Map<String, String> labels = new java.util.HashMap<>(Map.of("tier", l[1]));
      if (l[2] != null) {
        labels.put("canary", l[2]);
      }
      core.createNamespacedConfigMap(
              ns,
              new V1ConfigMap()
                  .apiVersion("v1")
                  .kind("ConfigMap")
                  .metadata(new V1ObjectMeta().name(l[0]).labels(labels)))
          .execute();
    }
    assertThat(names(ns, "tier in (web,api)")).containsExactlyInAnyOrder("a", "b");
    assertThat(names(ns, "tier notin (web,api)")).containsExactly("c");
    assertThat(names(ns, "!canary")).containsExactly("b");
    assertThat(names(ns, "canary,tier!=web")).containsExactly("c");
    assertThat(names(ns, "tier=db")).containsExactly("c");
    assertThat(names(ns, null)).hasSize(3);
  }

  private static List<String> names(String ns, String selector) throws Exception {
    return new CoreV1Api(kube.apiClient())
        .listNamespacedConfigMap(ns).labelSelector(selector).execute().getItems().stream()
            .map(c -> c.getMetadata().getName())
            .toList();
  }

  @Test
  void crdsLoadedFromYamlEnterDiscovery() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("crds");
    java.nio.file.Files.writeString(
        dir.resolve("gadgets.yaml"),
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: gadgets.example.org}
        spec:
          group: example.org
          scope: Namespaced
          names: {plural: gadgets, singular: gadget, kind: Gadget, shortNames: [gd]}
          versions:
          - name: v1
            served: true
            storage: true
            subresources: {status: {}, scale: {specReplicasPath: .spec.replicas,
              statusReplicasPath: .status.replicas}}
            schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
        """);
    kube.loadCrds(dir);
    JsonArray resources =
        kube.raw("GET", "/apis/example.org/v1", null).json().getJsonArray("resources");
    assertThat(resources.stream().map(r -> ((JsonObject) r).getString("name")))
        .contains("gadgets", "gadgets/scale", "gadgets/status");
    var applied =
        kube.apply(
            "apiVersion: example.org/v1\nkind: Gadget\nmetadata: {name: g}\n"
                + "spec: {replicas: 2}\n");
    assertThat(applied.get(0).getMetadata().getNamespace()).isEqualTo(kube.namespace());
  }
}
