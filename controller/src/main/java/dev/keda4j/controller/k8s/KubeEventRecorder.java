package dev.keda4j.controller.k8s;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1EventSource;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link EventRecorder} writing core/v1 Events with client-java, as KEDA's operator does. */
public final class KubeEventRecorder implements EventRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(KubeEventRecorder.class);

  /** KEDA's event source component. */
  public static final String COMPONENT = "keda-operator";

  private final CoreV1Api core;
  private final Clock clock;

  public KubeEventRecorder(ApiClient client, Clock clock) {
    this.core = new CoreV1Api(client);
    this.clock = clock;
  }

  @Override
  public void record(KubernetesObject object, String type, String reason, String message) {
    String ns = object.getMetadata().getNamespace();
    OffsetDateTime now =
        OffsetDateTime.now(clock)
            .withOffsetSameInstant(ZoneOffset.UTC)
            .truncatedTo(ChronoUnit.SECONDS);
    CoreV1Event event =
        new CoreV1Event()
            .apiVersion("v1")
            .kind("Event")
            .metadata(
                new V1ObjectMeta().generateName(object.getMetadata().getName() + ".").namespace(ns))
            .involvedObject(ObjectRefs.of(object))
            .type(type)
            .reason(reason)
            .message(message)
            .source(new V1EventSource().component(COMPONENT))
            .reportingComponent(COMPONENT)
            .firstTimestamp(now)
            .lastTimestamp(now)
            .count(1);
    try {
      core.createNamespacedEvent(ns, event).execute();
      LOG.debug("{}: event {} {}: {}", ObjectRefs.describe(object), type, reason, message);
    } catch (ApiException e) {
      LOG.warn(
          "{}: event {} {} not recorded (HTTP {})",
          ObjectRefs.describe(object),
          type,
          reason,
          e.getCode());
    }
  }
}
