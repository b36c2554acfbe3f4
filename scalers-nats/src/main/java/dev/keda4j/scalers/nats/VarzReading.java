package dev.keda4j.scalers.nats;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of {@code /varz} the leader search needs. Pure.
 *
 * @param serverName {@code server_name}
 * @param connectUrls {@code connect_urls}: client {@code host:port}s the cluster advertises
 * @param clusterUrls {@code cluster.urls}: route {@code host:port}s
 */
record VarzReading(String serverName, List<String> connectUrls, List<String> clusterUrls) {
  VarzReading {
    connectUrls = List.copyOf(connectUrls);
    clusterUrls = List.copyOf(clusterUrls);
  }

  static VarzReading parse(String body) {
    JsonObject doc = JszReading.object(body, "/varz");
    return new VarzReading(
        JszReading.str(doc, "server_name"),
        strings(JszReading.arrayOrEmpty(doc, "connect_urls")),
        strings(JszReading.arrayOrEmpty(doc.getJsonObject("cluster"), "urls")));
  }

  private static List<String> strings(JsonArray a) {
    List<String> out = new ArrayList<>();
    for (Object o : a) {
      if (o instanceof String s) {
        out.add(s);
      }
    }
    return out;
  }
}
