package dev.keda4j.adapter;

import dev.keda4j.scalers.spi.MetricValue;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Where metric values come from: KEDA's operator-side {@code GetScaledObjectMetrics}. The
 * controller implements it from its scaler cache (in one JVM) or by asking the leader.
 *
 * <p>Must not block the calling thread. A failed read completes exceptionally with the operator's
 * error text as the message (e.g. {@code error when getting metric values metric:s0-x encountered
 * error}); the adapter answers it as a 500 Status, never as a zero. The message is shown to the HPA
 * and in its events, so it must not contain credentials.
 */
@FunctionalInterface
public interface MetricsSource {
  /**
   * @param namespace the namespace of the request path (authoritative)
   * @param scaledObjectName from the {@code scaledobject.keda.sh/name} selector label
   * @param metricName the HPA's external metric name ({@code s0-redis-mylist})
   * @return the values, usually one
   */
  CompletionStage<List<MetricValue>> read(
      String namespace, String scaledObjectName, String metricName);
}
