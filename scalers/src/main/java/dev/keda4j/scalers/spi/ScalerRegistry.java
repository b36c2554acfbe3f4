package dev.keda4j.scalers.spi;

import dev.keda4j.scalers.config.Bound;
import dev.keda4j.scalers.config.ConfigException;
import dev.keda4j.scalers.config.ConfigWarning;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The trigger types this process can build, loaded with {@link ServiceLoader}. */
public final class ScalerRegistry {
  private final Map<String, ScalerProvider<?>> byType;

  private ScalerRegistry(Map<String, ScalerProvider<?>> byType) {
    this.byType = Collections.unmodifiableMap(byType);
  }

  /** Loads every provider on the class path of {@code ScalerRegistry}'s class loader. */
  public static ScalerRegistry load() {
    return load(ScalerRegistry.class.getClassLoader());
  }

  /**
   * Loads every provider visible to {@code loader}.
   *
   * @throws IllegalStateException if two providers claim the same trigger type
   */
  @SuppressWarnings("rawtypes")
  public static ScalerRegistry load(ClassLoader loader) {
    Map<String, ScalerProvider<?>> map = new TreeMap<>();
    for (ScalerProvider p : ServiceLoader.load(ScalerProvider.class, loader)) {
      for (Object t : p.triggerTypes()) {
        ScalerProvider<?> previous = map.putIfAbsent((String) t, p);
        if (previous != null) {
          throw new IllegalStateException(
              "trigger type "
                  + t
                  + " is served by both "
                  + previous.getClass().getName()
                  + " and "
                  + p.getClass().getName());
        }
      }
    }
    return new ScalerRegistry(map);
  }

  /** Sorted trigger type names. */
  public List<String> triggerTypes() {
    return List.copyOf(byType.keySet());
  }

  public Optional<ScalerProvider<?>> provider(String triggerType) {
    return Optional.ofNullable(byType.get(triggerType));
  }

  /**
   * Binds the trigger's config and builds its scaler.
   *
   * @throws ConfigException for an unknown trigger type or invalid parameters
   */
  public Built build(ScalerContext ctx, ScalerRuntime runtime) throws ConfigException {
    ScalerProvider<?> p = byType.get(ctx.triggerType());
    if (p == null) {
      throw ConfigException.single(
          ctx.triggerType(), "type", "no scaler found for type: " + ctx.triggerType());
    }
    return buildWith(p, ctx, runtime);
  }

  private static <C extends Record> Built buildWith(
      ScalerProvider<C> p, ScalerContext ctx, ScalerRuntime runtime) throws ConfigException {
    Bound<C> bound = p.bind(ctx);
    return new Built(p.create(ctx, bound.config(), runtime), bound.warnings());
  }

  /**
   * A built scaler and the warnings binding produced (unknown keys, deprecation notices).
   *
   * @param scaler the scaler
   * @param warnings warnings for the controller to turn into events
   */
  public record Built(Scaler scaler, List<ConfigWarning> warnings) {
    public Built {
      warnings = List.copyOf(warnings);
    }
  }
}
