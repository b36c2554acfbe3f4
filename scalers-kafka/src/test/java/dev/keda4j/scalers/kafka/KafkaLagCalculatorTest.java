package dev.keda4j.scalers.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Lag rules of scalers.md §3.3 and "Test cases worth having" 8–10. */
class KafkaLagCalculatorTest {
  private static final TopicPartition P0 = new TopicPartition("t", 0);
  private static final TopicPartition P1 = new TopicPartition("t", 1);
  private static final long NONE = PartitionOffsets.NO_COMMIT;

  private static LagRules rules(boolean earliest, boolean scaleToZero, boolean excludePersistent) {
    return new LagRules(10, 0, earliest, scaleToZero, excludePersistent, true, false, false);
  }

  static Stream<Arguments> partitionLag() {
    return Stream.of(
        Arguments.of("committed 100, latest 150", rules(false, false, false), 150L, 100L, 50L, 50L),
        Arguments.of("no commit, latest policy", rules(false, false, false), 150L, NONE, 1L, 1L),
        Arguments.of(
            "no commit, latest, scaleToZero", rules(false, true, false), 150L, NONE, 0L, 0L),
        Arguments.of(
            "no commit, latest policy, latest missing",
            rules(false, false, false),
            null,
            NONE,
            1L,
            1L),
        Arguments.of(
            "no commit, earliest ⇒ whole partition",
            rules(true, false, false),
            150L,
            NONE,
            150L,
            150L),
        Arguments.of(
            "no commit, earliest, scaleToZero", rules(true, true, false), 150L, NONE, 0L, 0L),
        Arguments.of("latest missing ⇒ 0", rules(false, false, false), null, 100L, 0L, 0L),
        Arguments.of(
            "no commit, earliest, latest missing", rules(true, false, false), null, NONE, 0L, 0L),
        Arguments.of("caught up", rules(false, false, false), 150L, 150L, 0L, 0L),
        Arguments.of(
            "first poll with excludePersistentLag counts",
            rules(false, false, true),
            150L,
            100L,
            50L,
            50L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("partitionLag")
  void lagOfOnePartition(
      String name, LagRules rules, Long latest, long committed, long metric, long activation) {
    LagResult r =
        KafkaLagCalculator.calculate(
            rules, List.of(new PartitionOffsets(P0, latest, committed)), Map.of());
    assertThat(r.metricLag()).isEqualTo(metric);
    assertThat(r.activationLag()).isEqualTo(activation);
    assertThat(r.partitions()).isEqualTo(1);
  }

  @Test
  void excludePersistentLagZeroesAnUnmovedCommitButKeepsItForActivation() {
    LagRules rules = rules(false, false, true);
    List<PartitionOffsets> poll =
        List.of(new PartitionOffsets(P0, 150L, 100L), new PartitionOffsets(P1, 80L, 60L));
    LagResult first = KafkaLagCalculator.calculate(rules, poll, Map.of());
    assertThat(first.metricLag()).isEqualTo(70);
    assertThat(first.seenCommits()).isEqualTo(Map.of(P0, 100L, P1, 60L));

    List<PartitionOffsets> second =
        List.of(new PartitionOffsets(P0, 160L, 100L), new PartitionOffsets(P1, 90L, 70L));
    LagResult r = KafkaLagCalculator.calculate(rules, second, first.seenCommits());
    assertThat(r.metricLag()).isEqualTo(20); // P0 stuck ⇒ 0, P1 moved ⇒ 20
    assertThat(r.activationLag()).isEqualTo(80); // 60 persistent + 20
    assertThat(r.active()).isTrue();
    assertThat(r.partitionsWithLag()).isEqualTo(1);
    assertThat(r.seenCommits()).isEqualTo(Map.of(P0, 100L, P1, 70L));
  }

  @Test
  void withoutExcludePersistentLagNothingIsRemembered() {
    LagResult r =
        KafkaLagCalculator.calculate(
            rules(false, false, false), List.of(new PartitionOffsets(P0, 150L, 100L)), Map.of());
    assertThat(r.seenCommits()).isEmpty();
  }

  static Stream<Arguments> capping() {
    LagRules idleForbidden = new LagRules(10, 0, false, false, false, false, false, false);
    LagRules idleAllowed = new LagRules(10, 0, false, false, false, true, false, false);
    LagRules withLagOnly = new LagRules(10, 0, false, false, false, false, true, false);
    LagRules even = new LagRules(10, 0, false, false, false, false, false, true);
    return Stream.of(
        Arguments.of("2 partitions, lag 100, idle forbidden ⇒ 20", idleForbidden, 100L, 2, 2, 20L),
        Arguments.of("idle allowed ⇒ 100", idleAllowed, 100L, 2, 2, 100L),
        Arguments.of("lag 25: 25/10=2 not > 2 ⇒ 25", idleForbidden, 25L, 2, 2, 25L),
        Arguments.of("lag 30: 3 > 2 ⇒ 20", idleForbidden, 30L, 2, 2, 20L),
        Arguments.of(
            "limitToPartitionsWithLag: 1 of 4 with lag ⇒ 10", withLagOnly, 100L, 4, 1, 10L),
        Arguments.of("limitToPartitionsWithLag: no lag ⇒ 0", withLagOnly, 0L, 4, 0, 0L),
        Arguments.of("even: 6 partitions, lag 35 ⇒ factor 6 ⇒ 60", even, 35L, 6, 6, 60L),
        Arguments.of("even: 6 partitions, lag 25 ⇒ factor 3 ⇒ 30", even, 25L, 6, 6, 30L),
        Arguments.of("even: lag 0 ⇒ factor 1 ⇒ 10", even, 0L, 6, 0, 10L),
        Arguments.of("even: lag 500 ⇒ capped at 6 ⇒ 60", even, 500L, 6, 6, 60L),
        Arguments.of("no partitions ⇒ 0", idleForbidden, 0L, 0, 0, 0L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("capping")
  void capping(String name, LagRules rules, long lag, int partitions, int withLag, long expected) {
    assertThat(KafkaLagCalculator.cap(rules, lag, partitions, withLag)).isEqualTo(expected);
  }

  @Test
  void factorsOf100() {
    assertThat(KafkaLagCalculator.factors(100))
        .containsExactly(1L, 2L, 4L, 5L, 10L, 20L, 25L, 50L, 100L);
    assertThat(KafkaLagCalculator.factors(0)).isEmpty();
  }

  @ParameterizedTest(name = "lag {0} ⇒ factor {1}")
  @CsvSource({"10,1", "20,2", "40,4", "50,5", "99,10", "100,10", "101,20"})
  void nextFactorFor100PartitionsThreshold10(long lag, long factor) {
    assertThat(KafkaLagCalculator.nextFactor(lag, 100, 10)).isEqualTo(factor);
  }

  @ParameterizedTest(name = "activation lag {0}, threshold {1} ⇒ active {2}")
  @CsvSource({"5,4,true", "5,5,false", "0,0,false", "1,0,true"})
  void activeIsStrictlyAboveTheActivationThreshold(long lag, long threshold, boolean active) {
    LagRules rules = new LagRules(10, threshold, false, false, false, true, false, false);
    LagResult r =
        KafkaLagCalculator.calculate(
            rules, List.of(new PartitionOffsets(P0, 100 + lag, 100L)), Map.of());
    assertThat(r.active()).isEqualTo(active);
  }

  @Test
  void totalsSumOverPartitionsAndActivationUsesUncappedLag() {
    LagRules rules = new LagRules(10, 50, false, false, false, false, false, false);
    LagResult r =
        KafkaLagCalculator.calculate(
            rules,
            List.of(new PartitionOffsets(P0, 100L, 40L), new PartitionOffsets(P1, 10L, 10L)),
            Map.of());
    assertThat(r.metricLag()).isEqualTo(20); // 60 capped at 2 partitions × 10
    assertThat(r.activationLag()).isEqualTo(60);
    assertThat(r.active()).isTrue();
    assertThat(r.partitionsWithLag()).isEqualTo(1);
    assertThat(r.partitions()).isEqualTo(2);
  }
}
