package dev.keda4j.scalers.kafka;

import java.util.ArrayList;
import java.util.List;

/** Parses KEDA's {@code partitionLimitation} lists such as {@code 1,2,10-12} (ranges inclusive). */
public final class PartitionRanges {
  private PartitionRanges() {}

  /**
   * The partition ids, in the order written.
   *
   * @throws IllegalArgumentException naming the whole value when any element is not a number or an
   *     ascending {@code from-to} range
   */
  public static List<Integer> parse(String value) {
    List<Integer> out = new ArrayList<>();
    for (String raw : value.split(",", -1)) {
      String element = raw.trim();
      String[] bounds = element.split("-", -1);
      if (bounds.length == 1) {
        out.add(number(element, value));
      } else if (bounds.length == 2) {
        int from = number(bounds[0].trim(), value);
        int to = number(bounds[1].trim(), value);
        if (from > to) {
          throw invalid(value);
        }
        for (int p = from; p <= to; p++) {
          out.add(p);
        }
      } else {
        throw invalid(value);
      }
    }
    return List.copyOf(out);
  }

  private static int number(String s, String whole) {
    try {
      int n = Integer.parseInt(s);
      if (n < 0) {
        throw invalid(whole);
      }
      return n;
    } catch (NumberFormatException e) {
      throw invalid(whole);
    }
  }

  private static IllegalArgumentException invalid(String whole) {
    return new IllegalArgumentException("invalid partition limitation: " + whole);
  }
}
