package dev.keda4j.scalers.rabbitmq;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Reads the management API's queue documents; absent fields read as 0, as in KEDA's decoder. */
final class QueueStatsJson {
  private QueueStatsJson() {}

  /** One {@code /api/queues/<vhost>/<queue>} document. */
  static QueueStats queue(JsonObject q) {
    JsonObject stats = q.getJsonObject("message_stats", new JsonObject());
    return new QueueStats(
        q.getLong("messages", 0L),
        q.getLong("messages_ready", 0L),
        rate(stats, "publish_details"),
        rate(stats, "deliver_get_details"));
  }

  private static double rate(JsonObject stats, String field) {
    JsonObject details = stats.getJsonObject(field, new JsonObject());
    Number n = details.getNumber("rate", 0);
    return n.doubleValue();
  }

  /**
   * The {@code items} of a regex listing.
   *
   * @throws RabbitMqScalerException when the matches do not fit one page
   */
  static List<QueueStats> page(JsonObject listing) {
    if (listing.getLong("page_count", 1L) > 1) {
      throw new RabbitMqScalerException("regex matches more queues than can be recovered at once");
    }
    JsonArray items = listing.getJsonArray("items", new JsonArray());
    List<QueueStats> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      out.add(queue(items.getJsonObject(i)));
    }
    return out;
  }
}
