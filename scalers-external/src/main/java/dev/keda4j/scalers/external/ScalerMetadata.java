package dev.keda4j.scalers.external;

import dev.keda4j.scalers.spi.ScalerContext;
import java.util.Map;
import java.util.TreeMap;

/** What an external scaler is told about its trigger ({@code ScaledObjectRef.scalerMetadata}). */
final class ScalerMetadata {
  private ScalerMetadata() {}

  /**
   * Every trigger metadata entry; a key ending in {@code FromEnv} keeps its key but carries the
   * resolved env value, and is dropped when that is unresolved or empty (KEDA's {@code
   * parseExternalScalerMetadata}). The values may be secrets: never log them.
   */
  static Map<String, String> forward(ScalerContext ctx) {
    Map<String, String> out = new TreeMap<>();
    ctx.metadata()
        .forEach(
            (k, v) -> {
              if (k.endsWith("FromEnv")) {
                String resolved = ctx.resolvedEnv().get(v);
                if (resolved != null && !resolved.isEmpty()) {
                  out.put(k, resolved);
                }
              } else {
                out.put(k, v);
              }
            });
    return out;
  }
}
