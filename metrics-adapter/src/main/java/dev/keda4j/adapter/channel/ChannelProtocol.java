package dev.keda4j.adapter.channel;

import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.Quantity;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire of the internal metrics channel (keda4j's stand-in for KEDA's {@code
 * MetricsService.GetMetrics} gRPC call): {@code GET /v1/metrics?namespace=&name=&metric=} answers
 * 200 {@code {"items":[{"metricName":..,"milli":..}]}} (values in milli units, lossless), 500
 * {@code {"message":..}} for the operator's error, 503 when this replica is not the leader.
 */
public final class ChannelProtocol {
  public static final String PATH = "/v1/metrics";
  public static final int NOT_LEADER = 503;

  private ChannelProtocol() {}

  public static JsonObject encode(List<MetricValue> values) {
    JsonArray items = new JsonArray();
    for (MetricValue v : values) {
      items.add(
          new JsonObject().put("metricName", v.metricName()).put("milli", v.value().milliValue()));
    }
    return new JsonObject().put("items", items);
  }

  /** The values of a 200 body; IllegalArgumentException when it is not one. */
  public static List<MetricValue> decode(JsonObject body) {
    JsonArray items = body.getJsonArray("items");
    if (items == null) {
      throw new IllegalArgumentException("no items in the leader's answer");
    }
    List<MetricValue> values = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      JsonObject item = items.getJsonObject(i);
      String name = item.getString("metricName");
      Long milli = item.getLong("milli");
      if (name == null || milli == null) {
        throw new IllegalArgumentException("item " + i + " of the leader's answer is incomplete");
      }
      values.add(new MetricValue(name, Quantity.ofMilli(milli)));
    }
    return values;
  }

  public static JsonObject error(String message) {
    return new JsonObject().put("message", message);
  }
}
