package dev.keda4j.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.testkit.kube.KubeApi;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** keda_*_registered_total read from informers against the API stand-in. */
class RegisteredInformersIT {

  @RegisterExtension static KubeApi kube = KubeApi.create();

  @Test
  void countsObjectsAndTriggersByTypeAndFollowsDeletes() throws Exception {
    String ns = kube.namespace();
    kube.apply(
        """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: web}
        spec:
          scaleTargetRef: {name: web}
          triggers:
          - {type: redis, metadata: {address: 'r:6379', listName: a, listLength: '5'}}
          - {type: cpu, metricType: Utilization, metadata: {value: '50'}}
        """);
    kube.apply(
        """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledJob
        metadata: {name: worker}
        spec:
          jobTargetRef: {template: {spec: {containers: [{name: c, image: busybox}]}}}
          triggers:
          - {type: redis, metadata: {address: 'r:6379', listName: b, listLength: '5'}}
        """);
    kube.apply(
        """
        apiVersion: keda.sh/v1alpha1
        kind: TriggerAuthentication
        metadata: {name: auth}
        spec: {}
        """);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    PrometheusKedaMetrics metrics =
        PrometheusKedaMetrics.register(registry.getPrometheusRegistry(), "t", null);
    try (RegisteredInformers informers = RegisteredInformers.start(kube.apiClient(), List.of(ns));
        AutoCloseable source = metrics.addRegisteredSource(informers)) {
      waitUntil(Duration.ofSeconds(20), informers::hasSynced);
      waitUntil(Duration.ofSeconds(10), () -> informers.get().size() >= 3);
      String text = registry.scrape();
      assertThat(text)
          .contains("keda_trigger_registered_total{type=\"redis\"} 2.0")
          .contains("keda_trigger_registered_total{type=\"cpu\"} 1.0")
          .contains(
              "keda_resource_registered_total{namespace=\"" + ns + "\",type=\"scaled_object\"} 1.0")
          .contains(
              "keda_resource_registered_total{namespace=\"" + ns + "\",type=\"scaled_job\"} 1.0")
          .contains(
              "keda_resource_registered_total{namespace=\""
                  + ns
                  + "\",type=\"trigger_authentication\"} 1.0");

      kube.raw("DELETE", "/apis/keda.sh/v1alpha1/namespaces/" + ns + "/scaledobjects/web", null);
      waitUntil(
          Duration.ofSeconds(10),
          () -> !registry.scrape().contains("keda_trigger_registered_total{type=\"cpu\"}"));
      assertThat(registry.scrape())
          .contains("keda_trigger_registered_total{type=\"redis\"} 1.0")
          .doesNotContain("type=\"scaled_object\"");
    } finally {
      registry.close();
    }
  }

  private static void waitUntil(Duration limit, java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + limit);
      }
      Thread.sleep(50);
    }
  }
}
