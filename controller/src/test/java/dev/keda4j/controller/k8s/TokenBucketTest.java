package dev.keda4j.controller.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenBucketTest {

  /**
   * burst, perSecond, the times (ms) of successive takes, and which were granted (1) or refused
   * (0).
   */
  @ParameterizedTest(name = "burst {0}, {1}/s: takes at {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          3 | 1   | 0 0 0 0 0          | 1 1 1 0 0
          3 | 1   | 0 0 0 0 999 1001   | 1 1 1 0 0 1
          3 | 1   | 0 0 0 0 1000 1000  | 1 1 1 0 1 0
          3 | 1   | 0 0 0 10000 10000 10000 10000 | 1 1 1 1 1 1 0
          2 | 0.5 | 0 0 0 1999 2000 2000 | 1 1 0 0 1 0
          2 | 10  | 0 0 0 100 150 250  | 1 1 0 1 0 1
          1 | 0   | 0 0 100000         | 1 0 0
          0 | 5   | 0 1000 2000        | 0 0 0
          3 | 1   | 5000 0 0 0 0       | 1 1 1 0 0
          """)
  void grantsTheBurstThenTheRefill(int burst, double perSecond, String times, String granted) {
    String[] t = times.trim().split("\\s+");
    TokenBucket bucket = new TokenBucket(burst, perSecond, Long.parseLong(t[0]));
    List<String> got = new ArrayList<>();
    for (String time : t) {
      got.add(bucket.tryTake(Long.parseLong(time)) ? "1" : "0");
    }
    assertThat(String.join(" ", got)).isEqualTo(granted.trim());
  }

  @Test
  void negativeSettingsAreRefused() {
    assertThatThrownBy(() -> new TokenBucket(-1, 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TokenBucket(1, -1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TokenBucket(1, Double.NaN, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
