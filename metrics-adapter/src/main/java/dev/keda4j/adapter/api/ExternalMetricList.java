package dev.keda4j.adapter.api;

import dev.keda4j.scalers.spi.MetricValue;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The {@code ExternalMetricValueList} (external.metrics.k8s.io/v1beta1) KEDA's adapter returns. */
public final class ExternalMetricList {
  private static final DateTimeFormatter RFC3339 =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private ExternalMetricList() {}

  /**
   * The list for {@code values}, each stamped with {@code timestamp} at second precision (KEDA's
   * gRPC hop carries seconds only). {@code metricLabels} is always {@code null}: KEDA never sets it
   * and the Go field has no omitempty.
   */
  public static JsonObject of(List<MetricValue> values, Instant timestamp) {
    String stamp = RFC3339.format(timestamp.truncatedTo(ChronoUnit.SECONDS));
    JsonArray items = new JsonArray();
    for (MetricValue v : values) {
      items.add(
          new JsonObject()
              .put("metricName", v.metricName())
              .putNull("metricLabels")
              .put("timestamp", stamp)
              .put("value", v.value().toString()));
    }
    return new JsonObject()
        .put("kind", "ExternalMetricValueList")
        .put("apiVersion", DiscoveryDocuments.GROUP_VERSION)
        .put("metadata", new JsonObject())
        .put("items", items);
  }
}
