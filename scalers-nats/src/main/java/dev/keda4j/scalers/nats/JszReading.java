package dev.keda4j.scalers.nats;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What one {@code /jsz?acc=..&config=true&consumers=true} document says about the watched consumer.
 * Pure: built from the response body only.
 *
 * @param clusterSize {@code meta_cluster.cluster_size} (0 for a server outside a cluster)
 * @param streamFound the account holds the stream
 * @param consumerFound the stream holds the consumer
 * @param numPending the consumer's {@code num_pending} (0 unless found)
 * @param numAckPending the consumer's {@code num_ack_pending} (0 unless found)
 * @param leader the consumer's {@code cluster.leader} server name ("" unless clustered)
 */
record JszReading(
    int clusterSize,
    boolean streamFound,
    boolean consumerFound,
    long numPending,
    long numAckPending,
    String leader) {

  /** Whom to look for: the account (by id or name), stream and consumer. */
  record Target(String accountId, String account, String stream, String consumer) {
    static Target of(NatsJetStreamConfig c) {
      return new Target(c.effectiveAccountId(), c.account(), c.stream(), c.consumer());
    }

    boolean isAccount(String id, String name) {
      return accountId.equals(id) || account.equals(name);
    }
  }

  /**
   * Reads {@code body}. Like KEDA, the first matching account and stream are searched, and a
   * consumer counts when its {@code name} matches.
   *
   * @throws NatsJetStreamException when the body is not a JSON object
   */
  static JszReading parse(String body, Target target) {
    JsonObject doc = object(body, "/jsz");
    int clusterSize = intOf(doc.getJsonObject("meta_cluster"), "cluster_size");
    JsonArray accounts = arrayOrEmpty(doc, "account_details");
    for (int a = 0; a < accounts.size(); a++) {
      JsonObject acc = accounts.getJsonObject(a);
      if (acc == null || !target.isAccount(str(acc, "id"), str(acc, "name"))) {
        continue;
      }
      JsonArray streams = arrayOrEmpty(acc, "stream_detail");
      for (int s = 0; s < streams.size(); s++) {
        JsonObject stream = streams.getJsonObject(s);
        if (stream == null || !target.stream().equals(str(stream, "name"))) {
          continue;
        }
        JsonArray consumers = arrayOrEmpty(stream, "consumer_detail");
        for (int c = 0; c < consumers.size(); c++) {
          JsonObject consumer = consumers.getJsonObject(c);
          if (consumer != null && target.consumer().equals(str(consumer, "name"))) {
            return new JszReading(
                clusterSize,
                true,
                true,
                longOf(consumer, "num_pending"),
                longOf(consumer, "num_ack_pending"),
                str(consumer.getJsonObject("cluster"), "leader"));
          }
        }
        return new JszReading(clusterSize, true, false, 0, 0, "");
      }
    }
    return new JszReading(clusterSize, false, false, 0, 0, "");
  }

  /** True when {@code node} (a server name) leads the consumer according to this document. */
  boolean ledBy(String node) {
    return consumerFound && node.equals(leader);
  }

  /**
   * The lag, {@code num_pending + num_ack_pending}: messages not yet delivered plus those delivered
   * and not yet acknowledged.
   *
   * @throws NatsJetStreamException {@code stream not found} or {@code consumer "<c>" not found in
   *     stream "<s>"}: a missing object is an error, never a lag of 0
   */
  long lag(Target target) {
    if (!streamFound) {
      throw new NatsJetStreamException("stream not found");
    }
    if (!consumerFound) {
      throw new NatsJetStreamException(
          "consumer \"" + target.consumer() + "\" not found in stream \"" + target.stream() + "\"");
    }
    return numPending + numAckPending;
  }

  static JsonObject object(String body, String what) {
    Object v;
    try {
      v = Json.decodeValue(body == null ? "" : body);
    } catch (DecodeException e) {
      v = null;
    }
    if (v instanceof JsonObject o) {
      return o;
    }
    throw new NatsJetStreamException("unable to decode NATS JetStream " + what + " response");
  }

  static JsonArray arrayOrEmpty(JsonObject o, String key) {
    Object v = o == null ? null : o.getValue(key);
    return v instanceof JsonArray a ? a : new JsonArray();
  }

  static String str(JsonObject o, String key) {
    Object v = o == null ? null : o.getValue(key);
    return v instanceof String s ? s : "";
  }

  private static int intOf(JsonObject o, String key) {
    Object v = o == null ? null : o.getValue(key);
    return v instanceof Number n ? n.intValue() : 0;
  }

  private static long longOf(JsonObject o, String key) {
    Object v = o == null ? null : o.getValue(key);
    return v instanceof Number n ? n.longValue() : 0L;
  }
}
