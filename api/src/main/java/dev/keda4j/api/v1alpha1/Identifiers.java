package dev.keda4j.api.v1alpha1;

import java.util.Locale;

/** KEDA's {@code GenerateIdentifier}: key of scale loops, scaler caches and the metrics cache. */
public final class Identifiers {
  private Identifiers() {}

  /** Lowercase {@code <kind>.<namespace>.<name>}, e.g. {@code scaledobject.default.my-so}. */
  public static String generate(String kind, String namespace, String name) {
    return (kind + "." + namespace + "." + name).toLowerCase(Locale.ROOT);
  }

  /** Identifier of a ScaledObject. */
  public static String of(ScaledObject so) {
    return generate(ScaledObject.KIND, so.getMetadata().getNamespace(), so.getMetadata().getName());
  }

  /** Identifier of a ScaledJob. */
  public static String of(ScaledJob sj) {
    return generate(ScaledJob.KIND, sj.getMetadata().getNamespace(), sj.getMetadata().getName());
  }
}
