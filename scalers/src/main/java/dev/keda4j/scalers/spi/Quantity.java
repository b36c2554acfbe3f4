package dev.keda4j.scalers.spi;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A decimal Kubernetes quantity held in milli units, printed in the canonical form of {@code
 * resource.Quantity} (DecimalSI): {@code 2}, {@code 1500m}, {@code 1k}, {@code 0}.
 *
 * <p>KEDA builds metric values with {@code resource.MustParse(fmt.Sprintf("%.3f", v))}; {@link
 * #fromDouble(double)} reproduces that, mapping NaN, infinities and negatives to zero.
 */
public final class Quantity implements Comparable<Quantity> {
  private static final String[] SUFFIXES = {"m", "", "k", "M", "G", "T", "P", "E"};
  public static final Quantity ZERO = new Quantity(0);

  private final long milli;

  private Quantity(long milli) {
    this.milli = milli;
  }

  /** A quantity of {@code milli / 1000}. */
  public static Quantity ofMilli(long milli) {
    return new Quantity(milli);
  }

  /** An integer quantity, like {@code resource.NewQuantity(n, DecimalSI)} (negative kept). */
  public static Quantity of(long value) {
    return new Quantity(Math.multiplyExact(value, 1000L));
  }

  /**
   * KEDA's {@code GenerateMetricInMili}: the value rounded to three decimals like Go's {@code %.3f}
   * (exact binary value, half-even); NaN, ±Inf and negative values become zero.
   */
  public static Quantity fromDouble(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value) || value <= 0) {
      return ZERO;
    }
    BigDecimal milli = new BigDecimal(value).setScale(3, RoundingMode.HALF_EVEN).movePointRight(3);
    if (milli.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      return new Quantity(Long.MAX_VALUE);
    }
    return new Quantity(milli.longValueExact());
  }

  public long milliValue() {
    return milli;
  }

  public double doubleValue() {
    return milli / 1000.0;
  }

  /** The canonical Kubernetes string (largest SI suffix that keeps an integer mantissa). */
  @Override
  public String toString() {
    if (milli == 0) {
      return "0";
    }
    long abs = Math.abs(milli);
    int exp = 0;
    while (exp < SUFFIXES.length - 1 && abs % 1000 == 0) {
      abs /= 1000;
      exp++;
    }
    return (milli < 0 ? "-" : "") + abs + SUFFIXES[exp];
  }

  @Override
  public int compareTo(Quantity o) {
    return Long.compare(milli, o.milli);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Quantity q && q.milli == milli;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(milli);
  }
}
