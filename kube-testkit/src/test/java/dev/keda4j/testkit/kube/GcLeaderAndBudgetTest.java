package dev.keda4j.testkit.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.kubernetes.client.extended.leaderelection.LeaderElector;
import io.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GcLeaderAndBudgetTest {

  @RegisterExtension static KubeApi kube = KubeApi.create();

  /** A pod (or other object, given its header) in {@code ns} owned by {@code ownerUid}. */
  private static String owned(String header, String ns, String name, String ownerUid) {
    return header
        + """
        metadata:
          name: %s
          namespace: %s
          ownerReferences:
          - {apiVersion: v1, kind: Owner, name: owner, uid: %s, controller: true}
        """
            .formatted(name, ns, ownerUid);
  }

  private static final String POD = "apiVersion: v1\nkind: Pod\n";
  private static final String POD_SPEC = "spec: {containers: [{name: c, image: i}]}\n";

  @Test
  void deletingAnOwnerDeletesItsDependentsRecursively() {
    String ns = kube.createNamespace("gc");
    String soUid =
        kube.raw(
                "POST",
                "/apis/keda.sh/v1alpha1/namespaces/" + ns + "/scaledjobs",
                "{\"metadata\":{\"name\":\"sj\"},\"spec\":{}}")
            .json()
            .getJsonObject("metadata")
            .getString("uid");
    var job =
        kube.raw(
                "POST",
                "/apis/batch/v1/namespaces/" + ns + "/jobs",
                "{\"metadata\":{\"name\":\"job\",\"ownerReferences\":[{\"apiVersion\":\"keda.sh/v1alpha1\","
                    + "\"kind\":\"ScaledJob\",\"name\":\"sj\",\"uid\":\""
                    + soUid
                    + "\"}]},"
                    + "\"spec\":{\"template\":{\"spec\":{}}}}")
            .json();
    String jobUid = job.getJsonObject("metadata").getString("uid");
    for (String pod : new String[] {"p1", "p2"}) {
      kube.apply(owned(POD, ns, pod, jobUid) + POD_SPEC);
    }
    kube.apply(POD + "metadata: {name: unrelated, namespace: " + ns + "}\n" + POD_SPEC);
    kube.apply(
        owned("apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\n", ns, "hpa", soUid)
            + "spec: {maxReplicas: 2, scaleTargetRef: {kind: Deployment, name: x}}\n");

    var deleted =
        kube.raw("DELETE", "/apis/keda.sh/v1alpha1/namespaces/" + ns + "/scaledjobs/sj", null);
    assertThat(deleted.code()).isEqualTo(200);
    assertThat(kube.raw("GET", "/apis/batch/v1/namespaces/" + ns + "/jobs/job", null).code())
        .isEqualTo(404);
    assertThat(kube.raw("GET", "/api/v1/namespaces/" + ns + "/pods/p1", null).code())
        .isEqualTo(404);
    assertThat(kube.raw("GET", "/api/v1/namespaces/" + ns + "/pods/p2", null).code())
        .isEqualTo(404);
    assertThat(
            kube.raw(
                    "GET",
                    "/apis/autoscaling/v2/namespaces/" + ns + "/horizontalpodautoscalers/hpa",
                    null)
                .code())
        .isEqualTo(404);
    assertThat(kube.raw("GET", "/api/v1/namespaces/" + ns + "/pods/unrelated", null).code())
        .isEqualTo(200);
  }

  @Test
  void orphanPropagationKeepsDependents() {
    String ns = kube.createNamespace("orphan");
    String uid =
        kube.raw(
                "POST",
                "/apis/batch/v1/namespaces/" + ns + "/jobs",
                "{\"metadata\":{\"name\":\"j\"},\"spec\":{\"template\":{\"spec\":{}}}}")
            .json()
            .getJsonObject("metadata")
            .getString("uid");
    kube.apply(owned(POD, ns, "kept", uid) + POD_SPEC);
    assertThat(
            kube.raw(
                    "DELETE",
                    "/apis/batch/v1/namespaces/" + ns + "/jobs/j?propagationPolicy=Orphan",
                    null)
                .code())
        .isEqualTo(200);
    assertThat(kube.raw("GET", "/api/v1/namespaces/" + ns + "/pods/kept", null).code())
        .isEqualTo(200);
  }

  @Test
  void leaderElectionWithLeaseLockFailsOver() throws Exception {
    String ns = kube.namespace();
    CountDownLatch firstLeads = new CountDownLatch(1);
    CountDownLatch secondLeads = new CountDownLatch(1);
    LeaderElector first = elector(ns, "one");
    LeaderElector second = elector(ns, "two");
    Thread a = new Thread(() -> first.run(firstLeads::countDown, () -> {}));
    a.setDaemon(true);
    a.start();
    assertThat(firstLeads.await(10, TimeUnit.SECONDS)).isTrue();
    Thread b = new Thread(() -> second.run(secondLeads::countDown, () -> {}));
    b.setDaemon(true);
    b.start();
    assertThat(secondLeads.await(1500, TimeUnit.MILLISECONDS)).isFalse();
    first.close();
    assertThat(secondLeads.await(15, TimeUnit.SECONDS)).isTrue();
    var lease =
        kube.raw(
                "GET",
                "/apis/coordination.k8s.io/v1/namespaces/" + ns + "/leases/keda4j-test",
                null)
            .json();
    assertThat(lease.getJsonObject("spec").getString("holderIdentity")).isEqualTo("two");
    assertThat(lease.getString("kind")).isEqualTo("Lease");
    second.close();
  }

  private static LeaderElector elector(String ns, String identity) {
    LeaseLock lock = new LeaseLock(ns, "keda4j-test", identity, kube.apiClient());
    return new LeaderElector(
        new LeaderElectionConfig(
            lock, Duration.ofMillis(1000), Duration.ofMillis(800), Duration.ofMillis(100)));
  }

  @Test
  void requestsAreCountedByVerbAndResource() throws Exception {
    String ns = kube.createNamespace("stats");
    kube.stats().reset();
    CoreV1Api core = new CoreV1Api(kube.apiClient());
    for (int i = 0; i < 3; i++) {
      core.createNamespacedConfigMap(
              ns,
              new V1ConfigMap()
                  .apiVersion("v1")
                  .kind("ConfigMap")
                  .metadata(new V1ObjectMeta().name("c" + i)))
          .execute();
    }
    core.listNamespacedConfigMap(ns).execute();
    core.readNamespacedConfigMap("c0", ns).execute();
    core.deleteNamespacedConfigMap("c1", ns).execute();
    kube.raw("PATCH", "/api/v1/namespaces/" + ns + "/configmaps/c2", "{\"data\":{\"a\":\"b\"}}");

    assertThat(kube.stats().count("create", "configmaps")).isEqualTo(3);
    assertThat(kube.stats().count("list", "configmaps")).isEqualTo(1);
    assertThat(kube.stats().count("get", "configmaps")).isEqualTo(1);
    assertThat(kube.stats().count("delete", "configmaps")).isEqualTo(1);
    assertThat(kube.stats().count("patch", "configmaps")).isEqualTo(1);
    assertThat(kube.stats().writes()).isEqualTo(5);
    assertThat(kube.stats().total()).isEqualTo(7);
    kube.stats().reset();
    assertThat(kube.stats().total()).isZero();
  }

  @Test
  void qpsCapSlowsRequestsDown() throws Exception {
    CoreV1Api core = new CoreV1Api(kube.apiClient());
    kube.withQpsLimit(10);
    try {
      long start = System.nanoTime();
      for (int i = 0; i < 20; i++) {
        core.listNamespacedConfigMap(kube.namespace()).execute();
      }
      long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(elapsedMs).isGreaterThanOrEqualTo(1500);
    } finally {
      kube.withoutQpsLimit();
    }
  }
}
