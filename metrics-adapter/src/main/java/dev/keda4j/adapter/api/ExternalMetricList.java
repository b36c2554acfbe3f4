package dev.keda4j.adapter.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.keda4j.scalers.spi.MetricValue;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The {@code ExternalMetricValueList} (external.metrics.k8s.io/v1beta1) KEDA's adapter returns. */
public final class ExternalMetricList {
  private static final DateTimeFormatter RFC3339 =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private static final JsonFactory JSON = new JsonFactory();

  /** The last second formatted, and its text: every read within one second shares it. */
  private record Stamp(long epochSecond, String text) {}

  private static volatile Stamp lastStamp = new Stamp(Long.MIN_VALUE, "");

  private ExternalMetricList() {}

  /**
   * The same document as {@link #of} (same fields, same order), written straight to bytes with a
   * trailing newline as the API server ends its bodies: the hot path of every HPA read, where
   * building the JSON tree and handing it to Jackson's databind cost more than the rest of the read
   * together.
   */
  public static Buffer encode(List<MetricValue> values, Instant timestamp) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(160 + 96 * values.size());
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("kind", "ExternalMetricValueList");
      g.writeStringField("apiVersion", DiscoveryDocuments.GROUP_VERSION);
      g.writeObjectFieldStart("metadata");
      g.writeEndObject();
      g.writeArrayFieldStart("items");
      String stamp = stamp(timestamp);
      for (MetricValue v : values) {
        g.writeStartObject();
        g.writeStringField("metricName", v.metricName());
        g.writeNullField("metricLabels");
        g.writeStringField("timestamp", stamp);
        g.writeStringField("value", v.value().toString());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return Buffer.buffer(out.toByteArray());
  }

  private static String stamp(Instant timestamp) {
    long second = timestamp.getEpochSecond();
    Stamp last = lastStamp;
    if (last.epochSecond() == second) {
      return last.text();
    }
    String text = RFC3339.format(Instant.ofEpochSecond(second));
    lastStamp = new Stamp(second, text);
    return text;
  }
}
