package dev.keda4j.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.controller.metrics.KedaMetrics.ResourceType;
import dev.keda4j.controller.metrics.KedaMetrics.Trigger;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Scrapes the registry /metrics serves and reads the keda_* lines back. */
class PrometheusKedaMetricsTest {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final PrometheusKedaMetrics metrics =
      PrometheusKedaMetrics.register(registry.getPrometheusRegistry(), "1.2.3", "abc123");

  private static final Trigger REDIS =
      new Trigger(ResourceType.SCALED_OBJECT, "shop", "web", 0, "redis", null, "s0-redis-jobs");
  private static final Trigger NAMED_KAFKA =
      new Trigger(ResourceType.SCALED_JOB, "shop", "worker", 1, "kafka", "orders", "s1-kafka-t");

  @AfterEach
  void close() {
    registry.close();
  }

  private List<String> lines(String name) {
    return registry
        .scrape()
        .lines()
        .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
        .toList();
  }

  private String type(String name) {
    return registry
        .scrape()
        .lines()
        .filter(line -> line.startsWith("# TYPE " + name + " "))
        .findFirst()
        .orElse("");
  }

  @Test
  void buildInfoIsAGaugeOfOne() {
    assertThat(type("keda_build_info")).isEqualTo("# TYPE keda_build_info gauge");
    assertThat(lines("keda_build_info"))
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains("version=\"1.2.3\"", "git_commit=\"abc123\"", "goversion=\"java")
                    .contains("goos=\"", "goarch=\"")
                    .endsWith(" 1.0"));
  }

  @Test
  void aReadRecordsValueActivityAndLatencyUnderTheLabelsL() {
    metrics.scalerRead(REDIS, 42, true, Duration.ofMillis(250));
    String labels =
        "{metric=\"s0-redis-jobs\",namespace=\"shop\",scaledObject=\"web\",scaler=\"redisScaler\","
            + "triggerIndex=\"0\",type=\"scaledobject\"}";
    assertThat(type("keda_scaler_metrics_value")).endsWith(" gauge");
    assertThat(lines("keda_scaler_metrics_value"))
        .containsExactly("keda_scaler_metrics_value" + labels + " 42.0");
    assertThat(lines("keda_scaler_active")).containsExactly("keda_scaler_active" + labels + " 1.0");
    assertThat(lines("keda_scaler_metrics_latency_seconds"))
        .containsExactly("keda_scaler_metrics_latency_seconds" + labels + " 0.25");
    metrics.scalerRead(REDIS, 0, false, Duration.ofMillis(10));
    assertThat(lines("keda_scaler_active")).containsExactly("keda_scaler_active" + labels + " 0.0");
    assertThat(lines("keda_scaler_metrics_value"))
        .containsExactly("keda_scaler_metrics_value" + labels + " 0.0");
  }

  @Test
  void theTriggerNameWinsOverTheGoTypeAndScaledJobsSayScaledjob() {
    metrics.scalerError(NAMED_KAFKA);
    metrics.scalerError(NAMED_KAFKA);
    assertThat(type("keda_scaler_detail_errors_total"))
        .isEqualTo("# TYPE keda_scaler_detail_errors_total counter");
    assertThat(lines("keda_scaler_detail_errors_total"))
        .containsExactly(
            "keda_scaler_detail_errors_total{metric=\"s1-kafka-t\",namespace=\"shop\","
                + "scaledObject=\"worker\",scaler=\"orders\",triggerIndex=\"1\",type=\"scaledjob\"} 2.0");
  }

  @Test
  void objectErrorsPausedAndLoopLatency() {
    metrics.objectError(ResourceType.SCALED_OBJECT, "shop", "web");
    metrics.objectError(ResourceType.SCALED_JOB, "shop", "worker");
    metrics.objectError(ResourceType.SCALED_JOB, "shop", "worker");
    metrics.paused("shop", "web", true);
    metrics.scaleLoopLatency(ResourceType.SCALED_JOB, "shop", "worker", Duration.ofMillis(1500));
    assertThat(type("keda_scaled_object_errors_total")).endsWith(" counter");
    assertThat(type("keda_scaled_job_errors_total")).endsWith(" counter");
    assertThat(lines("keda_scaled_object_errors_total"))
        .containsExactly(
            "keda_scaled_object_errors_total{namespace=\"shop\",scaledObject=\"web\"} 1.0");
    assertThat(lines("keda_scaled_job_errors_total"))
        .containsExactly(
            "keda_scaled_job_errors_total{namespace=\"shop\",scaledJob=\"worker\"} 2.0");
    assertThat(type("keda_scaled_object_paused")).endsWith(" gauge");
    assertThat(lines("keda_scaled_object_paused"))
        .containsExactly("keda_scaled_object_paused{namespace=\"shop\",scaledObject=\"web\"} 1.0");
    assertThat(lines("keda_internal_scale_loop_latency_seconds"))
        .containsExactly(
            "keda_internal_scale_loop_latency_seconds{namespace=\"shop\",resource=\"worker\",type=\"scaledjob\"} 1.5");
  }

  @Test
  void forgetDropsThePerTriggerSeriesOfThatObjectOnly() {
    Trigger other =
        new Trigger(ResourceType.SCALED_OBJECT, "shop", "api", 0, "redis", null, "s0-redis-jobs");
    Trigger sameNameJob =
        new Trigger(ResourceType.SCALED_JOB, "shop", "web", 0, "redis", null, "s0-redis-jobs");
    metrics.scalerRead(REDIS, 1, true, Duration.ZERO);
    metrics.scalerError(REDIS);
    metrics.scalerRead(other, 2, true, Duration.ZERO);
    metrics.scalerRead(sameNameJob, 3, true, Duration.ZERO);
    metrics.paused("shop", "web", false);
    metrics.forget(ResourceType.SCALED_OBJECT, "shop", "web");
    assertThat(lines("keda_scaler_metrics_value"))
        .hasSize(2)
        .noneMatch(
            line ->
                line.contains("scaledObject=\"web\"") && line.contains("type=\"scaledobject\""));
    assertThat(lines("keda_scaler_detail_errors_total")).isEmpty();
    assertThat(lines("keda_scaler_active")).hasSize(2);
    assertThat(lines("keda_scaled_object_paused")).hasSize(1);
    metrics.deleted(ResourceType.SCALED_OBJECT, "shop", "web");
    assertThat(lines("keda_scaled_object_paused")).isEmpty();
  }

  @Test
  void clearObjectsLeavesOnlyBuildInfo() {
    metrics.scalerRead(REDIS, 1, true, Duration.ZERO);
    metrics.scalerError(NAMED_KAFKA);
    metrics.objectError(ResourceType.SCALED_JOB, "shop", "worker");
    metrics.paused("shop", "web", true);
    metrics.scaleLoopLatency(ResourceType.SCALED_OBJECT, "shop", "web", Duration.ofMillis(5));
    metrics.clearObjects();
    assertThat(registry.scrape().lines().filter(l -> l.startsWith("keda_")).toList())
        .singleElement()
        .satisfies(line -> assertThat(line).startsWith("keda_build_info{"));
  }

  @Test
  void registeredTotalsComeFromTheSourcesAtScrapeTime() throws Exception {
    List<Registered> objects =
        List.of(
            new Registered(Registered.SCALED_OBJECT, "shop", List.of("redis", "cpu")),
            new Registered(Registered.SCALED_OBJECT, "shop", List.of("redis")),
            new Registered(Registered.SCALED_JOB, "batch", List.of("rabbitmq")),
            new Registered(Registered.TRIGGER_AUTHENTICATION, "shop", List.of()),
            new Registered(Registered.CLUSTER_TRIGGER_AUTHENTICATION, null, List.of()));
    AutoCloseable source = metrics.addRegisteredSource(() -> objects);
    assertThat(type("keda_trigger_registered_total"))
        .isEqualTo("# TYPE keda_trigger_registered_total gauge");
    assertThat(lines("keda_trigger_registered_total"))
        .containsExactly(
            "keda_trigger_registered_total{type=\"cpu\"} 1.0",
            "keda_trigger_registered_total{type=\"rabbitmq\"} 1.0",
            "keda_trigger_registered_total{type=\"redis\"} 2.0");
    assertThat(type("keda_resource_registered_total"))
        .isEqualTo("# TYPE keda_resource_registered_total gauge");
    assertThat(lines("keda_resource_registered_total"))
        .containsExactlyInAnyOrder(
            "keda_resource_registered_total{namespace=\"default\",type=\"cluster_trigger_authentication\"} 1.0",
            "keda_resource_registered_total{namespace=\"batch\",type=\"scaled_job\"} 1.0",
            "keda_resource_registered_total{namespace=\"shop\",type=\"scaled_object\"} 2.0",
            "keda_resource_registered_total{namespace=\"shop\",type=\"trigger_authentication\"} 1.0");
    source.close();
    assertThat(lines("keda_trigger_registered_total")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "redis,redisScaler",
    "redis-cluster,redisScaler",
    "redis-sentinel,redisScaler",
    "redis-streams,redisStreamsScaler",
    "redis-cluster-streams,redisStreamsScaler",
    "redis-sentinel-streams,redisStreamsScaler",
    "kafka,kafkaScaler",
    "apache-kafka,apacheKafkaScaler",
    "rabbitmq,rabbitMQScaler",
    "azure-servicebus,azureServiceBusScaler",
    "azure-queue,azureQueueScaler",
    "prometheus,prometheusScaler",
    "metrics-api,metricsAPIScaler",
    "postgresql,postgreSQLScaler",
    "mysql,mySQLScaler",
    "nats-jetstream,natsJetStreamScaler",
    "cron,cronScaler",
    "cpu,cpuMemoryScaler",
    "memory,cpuMemoryScaler",
    "kubernetes-workload,kubernetesWorkloadScaler",
    "external,externalScaler",
    "external-push,externalPushScaler"
  })
  void goScalerTypeNames(String triggerType, String goName) {
    assertThat(ScalerNames.label(triggerType, null)).isEqualTo(goName);
    assertThat(ScalerNames.label(triggerType, "")).isEqualTo(goName);
    assertThat(ScalerNames.label(triggerType, "mine")).isEqualTo("mine");
  }

  @Test
  void goArchNames() {
    assertThat(PrometheusKedaMetrics.goArch("x86_64")).isEqualTo("amd64");
    assertThat(PrometheusKedaMetrics.goArch("amd64")).isEqualTo("amd64");
    assertThat(PrometheusKedaMetrics.goArch("aarch64")).isEqualTo("arm64");
  }
}
