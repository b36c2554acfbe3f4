package dev.keda4j.testkit.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.reflect.TypeToken;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ConfigMapList;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.util.Watch;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WatchAndInformerTest {

  @RegisterExtension
  static KubeApi kube = KubeApi.create().withBookmarkInterval(java.time.Duration.ofMillis(200));

  private static V1ConfigMap configMap(String name, Map<String, String> labels) {
    return new V1ConfigMap()
        .apiVersion("v1")
        .kind("ConfigMap")
        .metadata(new V1ObjectMeta().name(name).labels(labels))
        .data(Map.of("k", "v"));
  }

  private Watch<V1ConfigMap> watch(
      String ns, String rv, String selector, Integer timeout, boolean bookmarks) throws Exception {
    CoreV1Api core = new CoreV1Api(kube.apiClient());
    return Watch.createWatch(
        kube.apiClient(),
        core.listNamespacedConfigMap(ns)
            .watch(true)
            .resourceVersion(rv)
            .labelSelector(selector)
            .timeoutSeconds(timeout)
            .allowWatchBookmarks(bookmarks)
            .buildCall(null),
        new TypeToken<Watch.Response<V1ConfigMap>>() {}.getType());
  }

  private static BlockingQueue<Watch.Response<V1ConfigMap>> drain(Watch<V1ConfigMap> watch) {
    BlockingQueue<Watch.Response<V1ConfigMap>> events = new LinkedBlockingQueue<>();
    Thread t =
        new Thread(
            () -> {
              try {
                for (Watch.Response<V1ConfigMap> e : watch) {
                  events.add(e);
                }
              } catch (RuntimeException ignored) {
                // the watch was closed
              }
            });
    t.setDaemon(true);
    t.start();
    return events;
  }

  @Test
  void httpWatchDropsTheReplayAtOrBelowTheRequestedVersion() throws Exception {
    String ns = kube.createNamespace("watch");
    CoreV1Api core = new CoreV1Api(kube.apiClient());
    core.createNamespacedConfigMap(ns, configMap("old", null)).execute();
    String listVersion =
        core.listNamespacedConfigMap(ns).execute().getMetadata().getResourceVersion();
    assertThat(listVersion).isNotBlank();

    try (Watch<V1ConfigMap> watch = watch(ns, listVersion, null, null, false)) {
      BlockingQueue<Watch.Response<V1ConfigMap>> events = drain(watch);
      core.createNamespacedConfigMap(ns, configMap("new", null)).execute();
      core.deleteNamespacedConfigMap("old", ns).execute();

      Watch.Response<V1ConfigMap> first = events.poll(5, TimeUnit.SECONDS);
      Watch.Response<V1ConfigMap> second = events.poll(5, TimeUnit.SECONDS);
      assertThat(first).isNotNull();
      assertThat(first.type).isEqualTo("ADDED");
      assertThat(first.object.getMetadata().getName()).isEqualTo("new");
      assertThat(second).isNotNull();
      assertThat(second.type).isEqualTo("DELETED");
      assertThat(second.object.getMetadata().getName()).isEqualTo("old");
    }
  }

  @Test
  void watchWithoutVersionReplaysCurrentObjects() throws Exception {
    String ns = kube.createNamespace("replay");
    new CoreV1Api(kube.apiClient())
        .createNamespacedConfigMap(ns, configMap("there", null))
        .execute();
    try (Watch<V1ConfigMap> watch = watch(ns, null, null, null, false)) {
      Watch.Response<V1ConfigMap> first = drain(watch).poll(5, TimeUnit.SECONDS);
      assertThat(first).isNotNull();
      assertThat(first.type).isEqualTo("ADDED");
      assertThat(first.object.getMetadata().getName()).isEqualTo("there");
    }
  }

  @Test
  void bookmarksAndTimeoutSeconds() throws Exception {
    String ns = kube.createNamespace("bookmarks");
    CoreV1Api core = new CoreV1Api(kube.apiClient());
    String rv = core.listNamespacedConfigMap(ns).execute().getMetadata().getResourceVersion();
    long start = System.nanoTime();
    List<Watch.Response<V1ConfigMap>> events = new ArrayList<>();
    try (Watch<V1ConfigMap> watch = watch(ns, rv, null, 1, true)) {
      for (Watch.Response<V1ConfigMap> e : watch) {
        events.add(e);
      }
    }
    long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(elapsedMs).isGreaterThanOrEqualTo(900);
    assertThat(events).isNotEmpty().allMatch(e -> e.type.equals("BOOKMARK"));
    assertThat(events.get(0).object.getMetadata().getResourceVersion()).isNotBlank();
  }

  @Test
  void watchFiltersSetBasedSelectors() throws Exception {
    String ns = kube.createNamespace("watchsel");
    CoreV1Api core = new CoreV1Api(kube.apiClient());
    String rv = core.listNamespacedConfigMap(ns).execute().getMetadata().getResourceVersion();
    try (Watch<V1ConfigMap> watch = watch(ns, rv, "tier in (web,api)", null, false)) {
      BlockingQueue<Watch.Response<V1ConfigMap>> events = drain(watch);
      core.createNamespacedConfigMap(ns, configMap("db", Map.of("tier", "db"))).execute();
      core.createNamespacedConfigMap(ns, configMap("web", Map.of("tier", "web"))).execute();
      Watch.Response<V1ConfigMap> first = events.poll(5, TimeUnit.SECONDS);
      assertThat(first).isNotNull();
      assertThat(first.object.getMetadata().getName()).isEqualTo("web");
      assertThat(events.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }
  }

  @Test
  void sharedInformerSyncsAndSeesAddUpdateDelete() throws Exception {
    String ns = kube.createNamespace("informer");
    CoreV1Api core = new CoreV1Api(kube.apiClient());
    core.createNamespacedConfigMap(ns, configMap("before", null)).execute();
    GenericKubernetesApi<V1ConfigMap, V1ConfigMapList> api =
        new GenericKubernetesApi<>(
            V1ConfigMap.class, V1ConfigMapList.class, "", "v1", "configmaps", kube.apiClient());
    SharedInformerFactory factory = new SharedInformerFactory(kube.apiClient());
    SharedIndexInformer<V1ConfigMap> informer =
        factory.sharedIndexInformerFor(api, V1ConfigMap.class, 0, ns);
    List<String> seen = new CopyOnWriteArrayList<>();
    informer.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(V1ConfigMap obj) {
            seen.add("add " + obj.getMetadata().getName());
          }

          @Override
          public void onUpdate(V1ConfigMap oldObj, V1ConfigMap newObj) {
            if (!oldObj
                .getMetadata()
                .getResourceVersion()
                .equals(newObj.getMetadata().getResourceVersion())) {
              seen.add("update " + newObj.getMetadata().getName());
            }
          }

          @Override
          public void onDelete(V1ConfigMap obj, boolean deletedFinalStateUnknown) {
            seen.add("delete " + obj.getMetadata().getName());
          }
        });
    factory.startAllRegisteredInformers();
    try {
      long deadline = System.currentTimeMillis() + 5000;
      while (!informer.hasSynced() && System.currentTimeMillis() < deadline) {
        Thread.sleep(10);
      }
      assertThat(informer.hasSynced()).isTrue();
      core.createNamespacedConfigMap(ns, configMap("during", null)).execute();
      V1ConfigMap during = core.readNamespacedConfigMap("during", ns).execute();
      during.putDataItem("k", "changed");
      core.replaceNamespacedConfigMap("during", ns, during).execute();
      core.deleteNamespacedConfigMap("during", ns).execute();

      deadline = System.currentTimeMillis() + 5000;
      while (seen.size() < 4 && System.currentTimeMillis() < deadline) {
        Thread.sleep(10);
      }
      assertThat(seen)
          .containsExactly("add before", "add during", "update during", "delete during");
      assertThat(informer.getIndexer().list())
          .extracting(c -> c.getMetadata().getName())
          .containsExactly("before");
    } finally {
      factory.stopAllRegisteredInformers();
    }
  }
}
