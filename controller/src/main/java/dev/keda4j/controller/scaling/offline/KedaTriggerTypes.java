package dev.keda4j.controller.scaling.offline;

import java.util.Set;
import java.util.TreeSet;

/**
 * Trigger types KEDA knows. A type in this table that the running build does not register is "not
 * supported by this build yet" (a warning); a type outside it is unknown to KEDA too ({@code no
 * scaler found for type: <type>}, an error).
 */
public final class KedaTriggerTypes {
  /**
   * The types specified in {@code shared/spec/scalers.md} §3 (one per heading, aliases included).
   */
  public static final Set<String> DOCUMENTED =
      Set.of(
          "redis",
          "redis-cluster",
          "redis-sentinel",
          "redis-streams",
          "redis-cluster-streams",
          "redis-sentinel-streams",
          "kafka",
          "apache-kafka",
          "azure-servicebus",
          "azure-queue",
          "rabbitmq",
          "prometheus",
          "postgresql",
          "mysql",
          "cron",
          "cpu",
          "memory",
          "metrics-api",
          "nats-jetstream",
          "aws-sqs-queue",
          "external",
          "external-push");

  /** Further types of KEDA's scaler builder ({@code pkg/scaling/scalers_builder.go}). */
  public static final Set<String> OTHER_KEDA =
      Set.of(
          "activemq",
          "arangodb",
          "artemis-queue",
          "aws-cloudwatch",
          "aws-dynamodb",
          "aws-dynamodb-streams",
          "aws-kinesis-stream",
          "azure-app-insights",
          "azure-blob",
          "azure-data-explorer",
          "azure-eventhub",
          "azure-log-analytics",
          "azure-monitor",
          "azure-pipelines",
          "beanstalkd",
          "cassandra",
          "couchdb",
          "datadog",
          "dynatrace",
          "elasticsearch",
          "etcd",
          "gcp-cloudtasks",
          "gcp-pubsub",
          "gcp-stackdriver",
          "gcp-storage",
          "github-runner",
          "graphite",
          "huawei-cloudeye",
          "ibmmq",
          "influxdb",
          "kubernetes-workload",
          "liiklus",
          "loki",
          "mongodb",
          "mssql",
          "new-relic",
          "nsq",
          "openstack-metric",
          "openstack-swift",
          "predictkube",
          "pulsar",
          "selenium-grid",
          "solace-event-queue",
          "solr",
          "splunk",
          "splunk-observability",
          "stan",
          "temporal");

  private KedaTriggerTypes() {}

  /** True when KEDA has a scaler for {@code type}. */
  public static boolean isKedaType(String type) {
    return DOCUMENTED.contains(type) || OTHER_KEDA.contains(type);
  }

  /** Every type KEDA knows, sorted. */
  public static Set<String> all() {
    Set<String> all = new TreeSet<>(DOCUMENTED);
    all.addAll(OTHER_KEDA);
    return all;
  }
}
