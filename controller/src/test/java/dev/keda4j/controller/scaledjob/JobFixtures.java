package dev.keda4j.controller.scaledjob;

import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1JobCondition;
import io.kubernetes.client.openapi.models.V1JobStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Test Jobs and Pods. */
final class JobFixtures {
  private JobFixtures() {}

  static V1Job running(String name) {
    return new V1Job().metadata(new V1ObjectMeta().name(name)).status(new V1JobStatus());
  }

  static V1Job finished(String name, String type, String hhmm) {
    OffsetDateTime t =
        hhmm == null
            ? null
            : OffsetDateTime.of(
                2026,
                1,
                1,
                Integer.parseInt(hhmm.substring(0, 2)),
                Integer.parseInt(hhmm.substring(3)),
                0,
                0,
                ZoneOffset.UTC);
    return new V1Job()
        .metadata(new V1ObjectMeta().name(name))
        .status(
            new V1JobStatus()
                .completionTime(t)
                .addConditionsItem(new V1JobCondition().type(type).status("True")));
  }

  static V1Pod pod(String phase, String... trueConditions) {
    V1PodStatus status = new V1PodStatus().phase(phase);
    for (String c : trueConditions) {
      status.addConditionsItem(new V1PodCondition().type(c).status("True"));
    }
    return new V1Pod().status(status);
  }
}
