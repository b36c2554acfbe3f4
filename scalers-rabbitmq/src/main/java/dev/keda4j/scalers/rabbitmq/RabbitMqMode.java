package dev.keda4j.scalers.rabbitmq;

import java.util.Arrays;
import java.util.Optional;

/** The trigger's {@code mode}: what is measured and when the trigger is active. */
enum RabbitMqMode {
  QUEUE_LENGTH("QueueLength"),
  MESSAGE_RATE("MessageRate"),
  DELIVER_GET_RATE("DeliverGetRate"),
  PUBLISHED_TO_DELIVERED_RATIO("PublishedToDeliveredRatio"),
  EXPECTED_QUEUE_CONSUMPTION_TIME("ExpectedQueueConsumptionTime");

  /** The {@code mode} value meaning "not given". */
  static final String UNKNOWN = "Unknown";

  private final String kedaName;

  RabbitMqMode(String kedaName) {
    this.kedaName = kedaName;
  }

  String kedaName() {
    return kedaName;
  }

  /** The mode with this KEDA name, empty for {@link #UNKNOWN}. */
  static Optional<RabbitMqMode> byName(String name) {
    return Arrays.stream(values()).filter(m -> m.kedaName.equals(name)).findFirst();
  }

  /** Every mode but QueueLength reads rates, which only the management API reports. */
  boolean needsHttp() {
    return this != QUEUE_LENGTH;
  }

  /**
   * The metric value and the activity.
   *
   * @param value what the HPA sees
   * @param active whether the trigger is active
   */
  record Reading(double value, boolean active) {}

  /** KEDA's value and activity for this mode (scalers.md §3.6 mode table). */
  Reading evaluate(long messages, double publish, double deliver, double activation) {
    return switch (this) {
      case QUEUE_LENGTH -> new Reading(messages, messages > activation);
      case MESSAGE_RATE -> new Reading(publish, publish > activation || messages > activation);
      case DELIVER_GET_RATE -> new Reading(deliver, deliver > activation);
      case PUBLISHED_TO_DELIVERED_RATIO -> publishedToDelivered(publish, deliver, activation);
      case EXPECTED_QUEUE_CONSUMPTION_TIME ->
          expectedConsumptionTime(messages, publish, deliver, activation);
    };
  }

  // Publishing with nobody consuming is reported as exactly the activation value and counts as
  // active: the ratio is infinite, and scaling from zero must still happen.
  private static Reading publishedToDelivered(double publish, double deliver, double activation) {
    if (publish > 0 && deliver == 0) {
      return new Reading(activation, true);
    }
    double ratio = publish > 0 ? publish / deliver : 0;
    return new Reading(ratio, ratio > activation);
  }

  // Same idea: messages waiting with no consumer would take forever.
  private static Reading expectedConsumptionTime(
      long messages, double publish, double deliver, double activation) {
    if (messages == 0) {
      return new Reading(0, 0 > activation);
    }
    if (deliver == 0) {
      return new Reading(activation, true);
    }
    double eta = (publish - deliver) / deliver + messages / deliver;
    return new Reading(eta, eta > activation);
  }
}
