package dev.keda4j.conformance;

import dev.keda4j.scalers.config.Param;
import dev.keda4j.scalers.config.Source;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The {@link Param}s of a scaler config record, nested blocks flattened, in declaration order. */
public final class ConfigParams {
  private ConfigParams() {}

  /**
   * One declared parameter.
   *
   * @param block the record declaring it ({@code RedisTlsParams})
   * @param component the record component's name
   * @param type the component's Java type, generic arguments included
   * @param param the annotation
   */
  public record Info(String block, String component, String type, Param param) {
    /** Name first, then aliases. */
    public List<String> names() {
      return Arrays.stream(param.name().split(";")).map(String::trim).toList();
    }

    public List<Source> order() {
      return List.of(param.order());
    }
  }

  /** Every parameter of {@code record}, nested records without {@code @Param} included. */
  public static List<Info> of(Class<?> record) {
    List<Info> out = new ArrayList<>();
    collect(record, out);
    return out;
  }

  private static void collect(Class<?> record, List<Info> out) {
    for (RecordComponent c : record.getRecordComponents()) {
      Param p = c.getAnnotation(Param.class);
      if (p == null) {
        if (c.getType().isRecord()) {
          collect(c.getType(), out);
        }
        continue;
      }
      out.add(new Info(record.getSimpleName(), c.getName(), typeName(c.getGenericType()), p));
    }
  }

  private static String typeName(Type t) {
    if (t instanceof Class<?> c) {
      return c.getSimpleName();
    }
    if (t instanceof ParameterizedType pt) {
      StringBuilder b = new StringBuilder(typeName(pt.getRawType())).append('<');
      Type[] args = pt.getActualTypeArguments();
      for (int i = 0; i < args.length; i++) {
        b.append(i > 0 ? ", " : "").append(typeName(args[i]));
      }
      return b.append('>').toString();
    }
    return t.getTypeName();
  }
}
