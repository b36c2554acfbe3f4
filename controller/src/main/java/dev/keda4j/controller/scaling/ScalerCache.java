package dev.keda4j.controller.scaling;

import dev.keda4j.controller.scaling.resolve.ResolvedTrigger;
import dev.keda4j.scalers.config.ConfigException;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerRegistry;
import dev.keda4j.scalers.spi.ScalerRuntime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one cache of built scalers, per scalable object ({@code Kind ns/name}) and trigger. A
 * trigger's scaler is reused while its resolved {@link ScalerContext} (spec, env and auth) is
 * unchanged, rebuilt when it changes, and closed when it goes away.
 */
public final class ScalerCache implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScalerCache.class);

  private final ScalerRegistry registry;
  private final ScalerRuntime runtime;
  private final Map<String, List<TriggerScaler>> byObject = new HashMap<>();

  public ScalerCache(ScalerRegistry registry, ScalerRuntime runtime) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.runtime = Objects.requireNonNull(runtime, "runtime");
  }

  /**
   * The scalers for {@code triggers} of {@code objectKey}; a trigger whose env or auth did not
   * resolve, or whose config does not bind, comes back with its error.
   */
  public synchronized List<TriggerScaler> scalers(
      String objectKey, List<ResolvedTrigger> triggers) {
    List<TriggerScaler> old = byObject.getOrDefault(objectKey, List.of());
    List<TriggerScaler> now = new ArrayList<>(triggers.size());
    for (ResolvedTrigger t : triggers) {
      TriggerScaler previous = t.index() < old.size() ? old.get(t.index()) : null;
      if (previous != null
          && previous.context().equals(t.context())
          && previous.error().isEmpty()) {
        now.add(previous);
      } else {
        if (previous != null) {
          close(objectKey, previous);
        }
        now.add(build(objectKey, t));
      }
    }
    for (int i = triggers.size(); i < old.size(); i++) {
      close(objectKey, old.get(i));
    }
    byObject.put(objectKey, List.copyOf(now));
    return List.copyOf(now);
  }

  /** Closes and rebuilds trigger {@code index} (after a failed poll); returns the new one. */
  public synchronized TriggerScaler rebuild(String objectKey, int index) {
    List<TriggerScaler> current = new ArrayList<>(byObject.getOrDefault(objectKey, List.of()));
    if (index >= current.size()) {
      throw new IllegalArgumentException(objectKey + " has no trigger " + index);
    }
    TriggerScaler old = current.get(index);
    close(objectKey, old);
    TriggerScaler fresh = build(objectKey, index, old.context());
    current.set(index, fresh);
    byObject.put(objectKey, List.copyOf(current));
    return fresh;
  }

  /** Closes every scaler of {@code objectKey}. */
  public synchronized void remove(String objectKey) {
    List<TriggerScaler> old = byObject.remove(objectKey);
    if (old != null) {
      old.forEach(s -> close(objectKey, s));
    }
  }

  /** The scalers currently held for {@code objectKey}. */
  public synchronized List<TriggerScaler> current(String objectKey) {
    return byObject.getOrDefault(objectKey, List.of());
  }

  @Override
  public synchronized void close() {
    new ArrayList<>(byObject.keySet()).forEach(this::remove);
  }

  private TriggerScaler build(String objectKey, ResolvedTrigger t) {
    if (!t.ok()) {
      String error =
          "error resolving trigger " + t.index() + ": " + String.join("; ", t.problemLines());
      LOG.warn("{}: {}", objectKey, error);
      return TriggerScaler.failed(t.index(), t.context(), error);
    }
    return build(objectKey, t.index(), t.context());
  }

  private TriggerScaler build(String objectKey, int index, ScalerContext ctx) {
    try {
      Scaler s = registry.build(ctx, runtime).scaler();
      LOG.info("{}: scaler {} built for trigger {}", objectKey, ctx.triggerType(), index);
      return TriggerScaler.built(index, ctx, s);
    } catch (ConfigException e) {
      LOG.warn(
          "{}: trigger {} ({}) not built: {}", objectKey, index, ctx.triggerType(), e.getMessage());
      return TriggerScaler.failed(
          index, ctx, Objects.requireNonNullElse(e.getMessage(), "invalid trigger"));
    } catch (RuntimeException e) {
      // a provider bug must not take the other triggers and objects down with it
      LOG.warn(
          "{}: trigger {} ({}) not built: {}", objectKey, index, ctx.triggerType(), e.toString());
      return TriggerScaler.failed(
          index,
          ctx,
          "error building scaler " + ctx.triggerType() + ": " + e.getClass().getSimpleName());
    }
  }

  private static void close(String objectKey, TriggerScaler s) {
    Optional<Scaler> scaler = s.scaler();
    if (scaler.isPresent()) {
      try {
        scaler.get().close();
      } catch (RuntimeException e) {
        LOG.warn("{}: closing scaler of trigger {} failed: {}", objectKey, s.index(), e.toString());
      }
    }
  }
}
