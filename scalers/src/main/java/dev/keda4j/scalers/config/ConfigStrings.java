package dev.keda4j.scalers.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

/** {@code toString()} for config records that never prints a secret. */
public final class ConfigStrings {
  /** What a present secret prints as. */
  public static final String MASK = "<redacted>";

  private ConfigStrings() {}

  /** {@link #MASK} for a non-empty value, "" for an empty one. */
  public static String mask(String value) {
    return value == null || value.isEmpty() ? "" : MASK;
  }

  /**
   * {@code Name[a=1, password=<redacted>, ...]}; components marked {@link Param#sensitive()} are
   * masked, nested records described the same way.
   */
  public static String describe(Record r) {
    StringBuilder b = new StringBuilder(r.getClass().getSimpleName()).append('[');
    RecordComponent[] comps = r.getClass().getRecordComponents();
    for (int i = 0; i < comps.length; i++) {
      RecordComponent c = comps[i];
      if (i > 0) {
        b.append(", ");
      }
      b.append(c.getName()).append('=');
      Object v = value(r, c);
      Param p = c.getAnnotation(Param.class);
      if (p != null && p.sensitive()) {
        b.append(v == null || v.toString().isEmpty() ? "" : MASK);
      } else if (v instanceof Record nested) {
        b.append(nested);
      } else {
        b.append(v);
      }
    }
    return b.append(']').toString();
  }

  static Object value(Record r, RecordComponent c) {
    try {
      c.getAccessor().setAccessible(true);
      return c.getAccessor().invoke(r);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + c.getName(), e);
    }
  }
}
