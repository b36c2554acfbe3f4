package dev.keda4j.controller.scaling;

import dev.keda4j.controller.metrics.KedaMetrics;
import dev.keda4j.controller.scaling.resolve.ResolvedTrigger;
import dev.keda4j.scalers.config.ConfigException;
import dev.keda4j.scalers.spi.PushScaler;
import dev.keda4j.scalers.spi.Scaler;
import dev.keda4j.scalers.spi.ScalerContext;
import dev.keda4j.scalers.spi.ScalerRegistry;
import dev.keda4j.scalers.spi.ScalerRuntime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one cache of built scalers, per scalable object ({@code Kind ns/name}) and trigger. A
 * trigger's scaler is reused while its resolved {@link ScalerContext} (spec, env and auth) is
 * unchanged, rebuilt when it changes, and closed when it goes away.
 */
public final class ScalerCache implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScalerCache.class);

  /** Builds one trigger's scaler (the registry in production; a test may pass its own). */
  @FunctionalInterface
  public interface Factory {
    Scaler build(ScalerContext ctx) throws ConfigException;
  }

  /** Per-object state kept beside the scalers and dropped with them. */
  public interface Extension extends AutoCloseable {
    /** The object's scalers were removed: drop its state. */
    void forget(String objectKey);

    @Override
    void close();
  }

  /** Receives the announcements of an object's push scalers. */
  @FunctionalInterface
  public interface PushListener {
    void onActive(int triggerIndex, boolean active);
  }

  private final Factory factory;
  private final KedaMetrics metrics;
  private final Map<String, List<TriggerScaler>> byObject = new HashMap<>();
  private final Map<Scaler, AutoCloseable> subscriptions = new IdentityHashMap<>();
  private final Map<String, PushListener> pushListeners = new ConcurrentHashMap<>();
  private final Map<Class<?>, Extension> extensions = new ConcurrentHashMap<>();

  public ScalerCache(ScalerRegistry registry, ScalerRuntime runtime) {
    this(registry, runtime, KedaMetrics.NOOP);
  }

  /**
   * @param metrics where scale loops and the metrics API record {@code keda_*} metrics
   */
  public ScalerCache(ScalerRegistry registry, ScalerRuntime runtime, KedaMetrics metrics) {
    this(registryFactory(registry, runtime), metrics);
  }

  /** A cache over any factory (tests use counting scalers). */
  public ScalerCache(Factory factory, KedaMetrics metrics) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  private static Factory registryFactory(ScalerRegistry registry, ScalerRuntime runtime) {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(runtime, "runtime");
    return ctx -> registry.build(ctx, runtime).scaler();
  }

  /** The metrics port every user of this cache records through. */
  public KedaMetrics metrics() {
    return metrics;
  }

  /** The one {@code type} extension of this cache, created on first use. */
  public <T extends Extension> T extension(Class<T> type, Supplier<T> create) {
    return type.cast(extensions.computeIfAbsent(type, t -> create.get()));
  }

  /**
   * Routes the push announcements of {@code objectKey}'s scalers to {@code listener} (replacing the
   * previous one). Each built push scaler is subscribed once, when built; its subscription is
   * closed with it.
   */
  public void listenForPush(String objectKey, PushListener listener) {
    pushListeners.put(objectKey, Objects.requireNonNull(listener, "listener"));
  }

  /** Stops routing announcements of {@code objectKey} (subscriptions stay with their scalers). */
  public void stopListening(String objectKey, PushListener listener) {
    pushListeners.remove(objectKey, listener);
  }

  /** Number of open push subscriptions (diagnostics, tests). */
  public synchronized int pushSubscriptions() {
    return subscriptions.size();
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
    pushListeners.remove(objectKey);
    extensions.values().forEach(e -> e.forget(objectKey));
  }

  /** The scalers currently held for {@code objectKey}. */
  public synchronized List<TriggerScaler> current(String objectKey) {
    return byObject.getOrDefault(objectKey, List.of());
  }

  @Override
  public synchronized void close() {
    new ArrayList<>(byObject.keySet()).forEach(this::remove);
    extensions.values().forEach(Extension::close);
    extensions.clear();
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
      Scaler s = factory.build(ctx);
      LOG.info("{}: scaler {} built for trigger {}", objectKey, ctx.triggerType(), index);
      subscribeIfPush(objectKey, index, s);
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

  private void subscribeIfPush(String objectKey, int index, Scaler s) {
    if (!(s instanceof PushScaler push)) {
      return;
    }
    try {
      AutoCloseable sub =
          push.subscribe(
              active -> {
                PushListener l = pushListeners.get(objectKey);
                if (l != null) {
                  l.onActive(index, active);
                }
              });
      subscriptions.put(s, sub);
      LOG.info("{}: subscribed to push scaler of trigger {}", objectKey, index);
    } catch (RuntimeException e) {
      LOG.warn("{}: subscribing to trigger {} failed: {}", objectKey, index, e.toString());
    }
  }

  private void close(String objectKey, TriggerScaler s) {
    Optional<Scaler> scaler = s.scaler();
    if (scaler.isPresent()) {
      AutoCloseable sub = subscriptions.remove(scaler.get());
      if (sub != null) {
        try {
          sub.close();
        } catch (Exception e) {
          LOG.warn(
              "{}: closing push subscription of trigger {} failed: {}",
              objectKey,
              s.index(),
              e.toString());
        }
      }
      try {
        scaler.get().close();
      } catch (RuntimeException e) {
        LOG.warn("{}: closing scaler of trigger {} failed: {}", objectKey, s.index(), e.toString());
      }
    }
  }
}
