package dev.keda4j.adapter.http;

import dev.keda4j.adapter.api.KubeStatus;
import dev.keda4j.adapter.selector.LabelSelector;
import dev.keda4j.adapter.selector.LabelSelectorParser;
import dev.keda4j.adapter.selector.SelectorException;
import java.util.Map;

/**
 * Which ScaledObject a metric read is for: KEDA's {@code GetExternalMetric} steps before the gRPC
 * call, as a pure function. A malformed selector is a 400 (the request decoding fails); one that
 * does not convert to a label map, or lacks the KEDA label, is a plain provider error (500).
 *
 * @param scaledObjectName the name, or null when {@code error} is set
 * @param error the Status to answer instead, or null
 */
public record MetricQuery(String scaledObjectName, KubeStatus error) {
  public static final String SCALED_OBJECT_LABEL = "scaledobject.keda.sh/name";

  /** Resolves the {@code labelSelector} query value (null when absent). */
  public static MetricQuery resolve(String labelSelector) {
    LabelSelector selector;
    try {
      selector = LabelSelectorParser.parse(labelSelector);
    } catch (SelectorException e) {
      return new MetricQuery(null, KubeStatus.badRequest(e.getMessage()));
    }
    Map<String, String> labels;
    try {
      labels = LabelSelectorParser.toLabelsMap(selector);
    } catch (SelectorException e) {
      return new MetricQuery(null, KubeStatus.internal(e.getMessage()));
    }
    String name = labels.getOrDefault(SCALED_OBJECT_LABEL, "");
    if (name.isEmpty()) {
      return new MetricQuery(null, KubeStatus.internal("scaledObject name is not specified"));
    }
    return new MetricQuery(name, null);
  }
}
