package dev.keda4j.controller.scaledobject;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.controller.scaledobject.SoStatusWriter.HandoverWait;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When the reconciler's handed-over status goes out alone ({@link SoStatusWriter#writeSoon}). */
class HandoverWaitTest {

  @ParameterizedTest(name = "pending={0} tickComing={1} pastAtMost={2} -> {3}")
  @CsvSource({
    "false, false, false, DONE",
    "false, true,  false, DONE",
    "false, true,  true,  DONE",
    "true,  true,  false, WAIT",
    "true,  false, false, ALONE",
    "true,  true,  true,  ALONE",
    "true,  false, true,  ALONE",
  })
  void aLateFirstTickIsWaitedForAMissingOneIsNot(
      boolean pending, boolean tickComing, boolean pastAtMost, HandoverWait expected) {
    assertThat(SoStatusWriter.handoverWait(pending, tickComing, pastAtMost)).isEqualTo(expected);
  }
}
