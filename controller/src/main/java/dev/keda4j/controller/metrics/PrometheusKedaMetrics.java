package dev.keda4j.controller.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * KEDA's {@code keda_*} operator metrics (spec/operations.md §5) as one collector of the Prometheus
 * registry behind Micrometer's {@code PrometheusMeterRegistry}, so they are scraped from the same
 * {@code /metrics}. A collector rather than Micrometer meters because Micrometer's Prometheus
 * naming drops the {@code _info} and {@code _total} suffixes of gauges such as {@code
 * keda_build_info} and {@code keda_trigger_registered_total}, and because {@link #forget} must drop
 * series by partial label match. Labels carry object names, trigger types and metric names only,
 * never a secret.
 */
public final class PrometheusKedaMetrics implements KedaMetrics, MultiCollector {

  private static final Logger LOG = LoggerFactory.getLogger(PrometheusKedaMetrics.class);

  static final String BUILD_INFO = "keda_build_info";
  static final String METRICS_VALUE = "keda_scaler_metrics_value";
  static final String METRICS_LATENCY = "keda_scaler_metrics_latency_seconds";
  static final String ACTIVE = "keda_scaler_active";
  static final String DETAIL_ERRORS = "keda_scaler_detail_errors";
  static final String SO_ERRORS = "keda_scaled_object_errors";
  static final String SJ_ERRORS = "keda_scaled_job_errors";
  static final String PAUSED = "keda_scaled_object_paused";
  static final String TRIGGERS_REGISTERED = "keda_trigger_registered_total";
  static final String RESOURCES_REGISTERED = "keda_resource_registered_total";
  static final String LOOP_LATENCY = "keda_internal_scale_loop_latency_seconds";

  /** The per-object part of a series key, for {@link #forget}. */
  private record ObjectKey(ResourceType type, String namespace, String name) {}

  /** The labels L of the per-trigger series. */
  private record TriggerKey(ObjectKey object, String metric, String scaler, int triggerIndex) {
    Labels labels() {
      return Labels.of(
          "namespace", object.namespace(),
          "metric", metric,
          "scaledObject", object.name(),
          "scaler", scaler,
          "triggerIndex", Integer.toString(triggerIndex),
          "type", object.type().label());
    }
  }

  private final Labels buildInfo;
  private final Map<TriggerKey, Double> values = new ConcurrentHashMap<>();
  private final Map<TriggerKey, Double> latencies = new ConcurrentHashMap<>();
  private final Map<TriggerKey, Double> actives = new ConcurrentHashMap<>();
  private final Map<TriggerKey, DoubleAdder> detailErrors = new ConcurrentHashMap<>();
  private final Map<ObjectKey, DoubleAdder> objectErrors = new ConcurrentHashMap<>();
  private final Map<ObjectKey, Double> paused = new ConcurrentHashMap<>();
  private final Map<ObjectKey, Double> loopLatencies = new ConcurrentHashMap<>();
  private final List<Supplier<? extends Collection<Registered>>> registeredSources =
      new CopyOnWriteArrayList<>();

  /**
   * @param version keda4j's version, the {@code version} label of {@code keda_build_info}
   * @param gitCommit the commit it was built from, or null
   */
  public PrometheusKedaMetrics(String version, String gitCommit) {
    this.buildInfo =
        Labels.of(
            "version",
            version == null ? "unknown" : version,
            "git_commit",
            gitCommit == null || gitCommit.isBlank() ? "unknown" : gitCommit,
            "goversion",
            "java" + System.getProperty("java.version", ""),
            "goos",
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT),
            "goarch",
            goArch(System.getProperty("os.arch", "")));
  }

  /**
   * Creates the collector and registers it (e.g. on {@code meterRegistry.getPrometheusRegistry()}).
   */
  public static PrometheusKedaMetrics register(
      PrometheusRegistry registry, String version, String gitCommit) {
    PrometheusKedaMetrics metrics = new PrometheusKedaMetrics(version, gitCommit);
    registry.register(metrics);
    return metrics;
  }

  static String goArch(String osArch) {
    return switch (osArch) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      default -> osArch;
    };
  }

  /**
   * Adds a source of registered objects (the informers' caches) read at every scrape; closing the
   * returned handle removes it (when the controllers stop on a replica that lost the lease).
   */
  public AutoCloseable addRegisteredSource(Supplier<? extends Collection<Registered>> source) {
    registeredSources.add(source);
    return () -> registeredSources.remove(source);
  }

  private static TriggerKey key(Trigger trigger) {
    return new TriggerKey(
        new ObjectKey(trigger.type(), trigger.namespace(), trigger.resource()),
        trigger.metricName(),
        ScalerNames.label(trigger.triggerType(), trigger.triggerName()),
        trigger.triggerIndex());
  }

  @Override
  public void scalerRead(Trigger trigger, double value, boolean active, Duration latency) {
    TriggerKey key = key(trigger);
    values.put(key, value);
    actives.put(key, active ? 1.0 : 0.0);
    if (latency != null) {
      latencies.put(key, seconds(latency));
    }
  }

  @Override
  public void scalerError(Trigger trigger) {
    detailErrors.computeIfAbsent(key(trigger), k -> new DoubleAdder()).add(1);
  }

  @Override
  public void objectError(ResourceType type, String namespace, String name) {
    objectErrors
        .computeIfAbsent(new ObjectKey(type, namespace, name), k -> new DoubleAdder())
        .add(1);
  }

  @Override
  public void paused(String namespace, String scaledObject, boolean isPaused) {
    paused.put(
        new ObjectKey(ResourceType.SCALED_OBJECT, namespace, scaledObject), isPaused ? 1.0 : 0.0);
  }

  @Override
  public void scaleLoopLatency(
      ResourceType type, String namespace, String name, Duration lateness) {
    loopLatencies.put(new ObjectKey(type, namespace, name), seconds(lateness));
  }

  @Override
  public void forget(ResourceType type, String namespace, String name) {
    ObjectKey object = new ObjectKey(type, namespace, name);
    values.keySet().removeIf(k -> k.object().equals(object));
    latencies.keySet().removeIf(k -> k.object().equals(object));
    actives.keySet().removeIf(k -> k.object().equals(object));
    detailErrors.keySet().removeIf(k -> k.object().equals(object));
  }

  @Override
  public void deleted(ResourceType type, String namespace, String name) {
    forget(type, namespace, name);
    ObjectKey object = new ObjectKey(type, namespace, name);
    objectErrors.remove(object);
    paused.remove(object);
    loopLatencies.remove(object);
  }

  /**
   * Drops every per-object series (all but {@code keda_build_info} and the registered totals): the
   * controllers stopped on this replica, which now reports as a fresh standby would.
   */
  public void clearObjects() {
    values.clear();
    latencies.clear();
    actives.clear();
    detailErrors.clear();
    objectErrors.clear();
    paused.clear();
    loopLatencies.clear();
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }

  @Override
  public MetricSnapshots collect() {
    List<MetricSnapshot> snapshots = new ArrayList<>();
    snapshots.add(
        GaugeSnapshot.builder()
            .name(BUILD_INFO)
            .help(
                "Info metric, with static information about KEDA build like: version, git commit and Golang runtime info.")
            .dataPoint(GaugeDataPointSnapshot.builder().labels(buildInfo).value(1).build())
            .build());
    snapshots.add(
        triggerGauge(
            METRICS_VALUE,
            "The current value for each scaler's metric that would be used by the HPA in computing the target average.",
            values));
    snapshots.add(
        triggerGauge(
            METRICS_LATENCY,
            "The latency of retrieving current metric from each scaler, in seconds.",
            latencies));
    snapshots.add(
        triggerGauge(ACTIVE, "Indicates whether a scaler is active (1), or not (0).", actives));
    CounterSnapshot.Builder detail =
        CounterSnapshot.builder()
            .name(DETAIL_ERRORS)
            .help("The total number of errors encountered for each scaler.");
    detailErrors.forEach(
        (k, v) ->
            detail.dataPoint(
                CounterDataPointSnapshot.builder().labels(k.labels()).value(v.sum()).build()));
    snapshots.add(detail.build());
    CounterSnapshot.Builder soErrors =
        CounterSnapshot.builder()
            .name(SO_ERRORS)
            .help("The number of errors that have occurred for each ScaledObject.");
    CounterSnapshot.Builder sjErrors =
        CounterSnapshot.builder().name(SJ_ERRORS).help("Number of scaled job errors.");
    objectErrors.forEach(
        (k, v) -> {
          if (k.type() == ResourceType.SCALED_OBJECT) {
            soErrors.dataPoint(
                CounterDataPointSnapshot.builder()
                    .labels(Labels.of("namespace", k.namespace(), "scaledObject", k.name()))
                    .value(v.sum())
                    .build());
          } else {
            sjErrors.dataPoint(
                CounterDataPointSnapshot.builder()
                    .labels(Labels.of("namespace", k.namespace(), "scaledJob", k.name()))
                    .value(v.sum())
                    .build());
          }
        });
    snapshots.add(soErrors.build());
    snapshots.add(sjErrors.build());
    GaugeSnapshot.Builder pausedGauge =
        GaugeSnapshot.builder().name(PAUSED).help("Indicates whether a ScaledObject is paused");
    paused.forEach(
        (k, v) ->
            pausedGauge.dataPoint(
                GaugeDataPointSnapshot.builder()
                    .labels(Labels.of("namespace", k.namespace(), "scaledObject", k.name()))
                    .value(v)
                    .build()));
    snapshots.add(pausedGauge.build());
    GaugeSnapshot.Builder loop =
        GaugeSnapshot.builder()
            .name(LOOP_LATENCY)
            .help(
                "Total deviation (in seconds) between the expected execution time and the actual execution time for the scaling loop.");
    loopLatencies.forEach(
        (k, v) ->
            loop.dataPoint(
                GaugeDataPointSnapshot.builder()
                    .labels(
                        Labels.of(
                            "namespace",
                            k.namespace(),
                            "type",
                            k.type().label(),
                            "resource",
                            k.name()))
                    .value(v)
                    .build()));
    snapshots.add(loop.build());
    addRegistered(snapshots);
    return new MetricSnapshots(snapshots);
  }

  private void addRegistered(List<MetricSnapshot> snapshots) {
    Map<String, Integer> triggers = new TreeMap<>();
    Map<List<String>, Integer> resources = new TreeMap<>(PrometheusKedaMetrics::compareLists);
    for (Supplier<? extends Collection<Registered>> source : registeredSources) {
      Collection<Registered> objects;
      try {
        objects = source.get();
      } catch (RuntimeException e) {
        LOG.warn("keda_*_registered_total: a source failed: {}", e.toString());
        continue;
      }
      for (Registered object : objects) {
        resources.merge(List.of(object.kind(), object.namespace()), 1, Integer::sum);
        for (String type : object.triggerTypes()) {
          triggers.merge(type, 1, Integer::sum);
        }
      }
    }
    GaugeSnapshot.Builder triggerGauge =
        GaugeSnapshot.builder()
            .name(TRIGGERS_REGISTERED)
            .help("Total number of triggers per trigger type registered.");
    triggers.forEach(
        (type, count) ->
            triggerGauge.dataPoint(
                GaugeDataPointSnapshot.builder()
                    .labels(Labels.of("type", type))
                    .value(count)
                    .build()));
    snapshots.add(triggerGauge.build());
    GaugeSnapshot.Builder resourceGauge =
        GaugeSnapshot.builder()
            .name(RESOURCES_REGISTERED)
            .help(
                "Total number of KEDA custom resources per namespace for each custom resource type (CRD) registered.");
    resources.forEach(
        (key, count) ->
            resourceGauge.dataPoint(
                GaugeDataPointSnapshot.builder()
                    .labels(Labels.of("type", key.get(0), "namespace", key.get(1)))
                    .value(count)
                    .build()));
    snapshots.add(resourceGauge.build());
  }

  private static int compareLists(List<String> a, List<String> b) {
    int c = a.get(0).compareTo(b.get(0));
    return c != 0 ? c : a.get(1).compareTo(b.get(1));
  }

  private static GaugeSnapshot triggerGauge(
      String name, String help, Map<TriggerKey, Double> series) {
    GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(name).help(help);
    series.forEach(
        (k, v) ->
            builder.dataPoint(
                GaugeDataPointSnapshot.builder().labels(k.labels()).value(v).build()));
    return builder.build();
  }
}
