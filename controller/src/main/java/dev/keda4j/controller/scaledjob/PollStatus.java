package dev.keda4j.controller.scaledjob;

import static dev.keda4j.controller.scaledjob.ScaledJobConditions.ACTIVE;
import static dev.keda4j.controller.scaledjob.ScaledJobConditions.FALSE;
import static dev.keda4j.controller.scaledjob.ScaledJobConditions.READY;
import static dev.keda4j.controller.scaledjob.ScaledJobConditions.TRUE;
import static dev.keda4j.controller.scaledjob.ScaledJobConditions.UNKNOWN;

import dev.keda4j.api.v1alpha1.Condition;
import dev.keda4j.api.v1alpha1.ScaledJobStatus;
import dev.keda4j.api.v1alpha1.TriggerActivityStatus;
import dev.keda4j.controller.k8s.EventRecorder;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The status and events that follow from one poll (scaledjob.md §2.5). Pure. */
public final class PollStatus {
  private PollStatus() {}

  /**
   * The next status and events.
   *
   * @param known the status as last stored
   * @param plan the poll's decision
   * @param readings the poll's trigger readings
   * @param now the poll's time
   */
  public static Outcome next(
      ScaledJobStatus known, JobPlan plan, TriggerReadings readings, Instant now) {
    ScaledJobStatus base = known == null ? new ScaledJobStatus() : known;
    List<Condition> conditions = ScaledJobConditions.orInitial(base.getConditions());
    List<EventSpec> events = new ArrayList<>();
    if (!readings.anyError()) {
      conditions =
          ScaledJobConditions.with(
              conditions,
              READY,
              TRUE,
              ScaledJobConditions.REASON_READY,
              ScaledJobConditions.MSG_READY_LOOP);
    } else if (plan.active()) {
      conditions =
          ScaledJobConditions.with(
              conditions,
              READY,
              UNKNOWN,
              ScaledJobConditions.REASON_PARTIAL_TRIGGER_ERROR,
              ScaledJobConditions.MSG_PARTIAL_TRIGGER_ERROR);
    } else {
      conditions =
          ScaledJobConditions.with(
              conditions,
              READY,
              FALSE,
              ScaledJobConditions.REASON_TRIGGER_ERROR,
              ScaledJobConditions.MSG_TRIGGER_ERROR);
    }
    boolean wasActive = ScaledJobConditions.isTrue(conditions, ACTIVE);
    if (plan.active()) {
      conditions =
          ScaledJobConditions.with(
              conditions,
              ACTIVE,
              TRUE,
              ScaledJobConditions.REASON_ACTIVE,
              ScaledJobEvents.MSG_ACTIVE);
      if (!wasActive) {
        events.add(
            new EventSpec(
                EventRecorder.NORMAL, ScaledJobEvents.ACTIVE, ScaledJobEvents.MSG_ACTIVE));
      }
    } else {
      conditions =
          ScaledJobConditions.with(
              conditions,
              ACTIVE,
              FALSE,
              ScaledJobConditions.REASON_NOT_ACTIVE,
              ScaledJobEvents.MSG_NOT_ACTIVE);
      if (wasActive) {
        events.add(
            new EventSpec(
                EventRecorder.NORMAL, ScaledJobEvents.INACTIVE, ScaledJobEvents.MSG_NOT_ACTIVE));
      }
    }
    Map<String, TriggerActivityStatus> activity = new LinkedHashMap<>();
    readings.activity().forEach((k, v) -> activity.put(k, new TriggerActivityStatus().isActive(v)));
    OffsetDateTime lastActive =
        plan.active()
            ? OffsetDateTime.ofInstant(now.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC)
            : base.getLastActiveTime();
    ScaledJobStatus next =
        new ScaledJobStatus()
            .conditions(conditions)
            .lastActiveTime(lastActive)
            .triggersActivity(activity);
    return new Outcome(next, events);
  }

  /**
   * @param status the fields the job loop owns: conditions, lastActiveTime, triggersActivity
   * @param events events to record
   */
  public record Outcome(ScaledJobStatus status, List<EventSpec> events) {
    public Outcome {
      events = List.copyOf(events);
    }
  }
}
