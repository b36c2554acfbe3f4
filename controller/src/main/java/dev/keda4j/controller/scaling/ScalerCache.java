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
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one cache of built scalers, per scalable object ({@code Kind ns/name}) and trigger. A
 * trigger's scaler is reused while its resolved {@link ScalerContext} (spec, env and auth) is
 * unchanged, rebuilt when it changes, and closed exactly once when it goes away.
 *
 * <p>Locking: building a scaler may block (an {@code external} scaler asks its server for metric
 * specs with the trigger's timeout), so builds never run under a lock shared by all objects. Each
 * object has its own build lock: only callers building or rebuilding the same object wait for each
 * other. {@link #current}, {@link #remove} and {@link #close} never wait for a build; a build that
 * finishes after its object was removed (or the cache closed) closes what it built and answers
 * failed triggers.
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

  private static final AutoCloseable NO_SUBSCRIPTION = () -> {};

  private final Factory factory;
  private final KedaMetrics metrics;
  private final ConcurrentMap<String, ObjectScalers> byObject = new ConcurrentHashMap<>();
  // every built scaler not closed yet, with its push subscription: removing it is the right to
  // close
  private final Map<Scaler, AutoCloseable> open = new IdentityHashMap<>();
  private final Map<String, PushListener> pushListeners = new ConcurrentHashMap<>();
  private final Map<Class<?>, Extension> extensions = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /** One object's scalers; {@link #builds} is held while they are built, the monitor briefly. */
  private static final class ObjectScalers {
    final ReentrantLock builds = new ReentrantLock();
    // guarded by this
    private List<TriggerScaler> scalers = List.of();
    private boolean removed;

    synchronized List<TriggerScaler> get() {
      return scalers;
    }
  }

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

  /** {@link #metrics()} for {@code objectKey}'s loop and reads: records only while it is held. */
  public KedaMetrics metricsWhileHeld(String objectKey) {
    return metricsWhileHeld(objectKey, metrics);
  }

  /**
   * {@code target} recording only while {@code objectKey}'s scalers are held ({@link #whileHeld}).
   */
  public KedaMetrics metricsWhileHeld(String objectKey, KedaMetrics target) {
    return new HeldObjectMetrics(this, objectKey, target);
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
  public int pushSubscriptions() {
    synchronized (open) {
      return (int) open.values().stream().filter(s -> s != NO_SUBSCRIPTION).count();
    }
  }

  /**
   * The scalers for {@code triggers} of {@code objectKey}; a trigger whose env or auth did not
   * resolve, or whose config does not bind, comes back with its error. Waits only for builds of the
   * same object. When the object is removed (or the cache closed) while this builds, what it built
   * is closed and every trigger comes back failed.
   */
  public List<TriggerScaler> scalers(String objectKey, List<ResolvedTrigger> triggers) {
    if (closed) {
      return gone(objectKey, triggers, "closed");
    }
    List<TriggerScaler> held =
        update(objectKey, byObject.computeIfAbsent(objectKey, k -> new ObjectScalers()), triggers);
    return held == null ? gone(objectKey, triggers, "removed") : held;
  }

  /**
   * As {@link #scalers}, but only for an object whose scalers are held ({@link #holds}): for any
   * other (never built, removed, or the cache closed) nothing is built and the answer is empty, as
   * it is when the object is removed while this builds (what it built is closed). For a loop whose
   * tick may still run after {@link #remove}: it must not bring the object back.
   */
  public Optional<List<TriggerScaler>> scalersIfHeld(
      String objectKey, List<ResolvedTrigger> triggers) {
    ObjectScalers o = closed ? null : byObject.get(objectKey);
    return o == null ? Optional.empty() : Optional.ofNullable(update(objectKey, o, triggers));
  }

  /**
   * Whether scalers of {@code objectKey} are held: built by {@link #scalers}, not removed since.
   */
  public boolean holds(String objectKey) {
    return !closed && byObject.containsKey(objectKey);
  }

  /**
   * Runs {@code action} only while scalers of {@code objectKey} are held ({@link #holds}), under
   * the object's monitor: a {@link #remove} of the object comes wholly before the check (the action
   * does not run) or after the action, so what the action records is dropped by whoever drops the
   * object's state after removing its scalers (the reconcilers' {@code forget} drops the metric
   * series after {@link #remove}). For recording {@code keda_*} series of loops and reads that may
   * finish after their object was forgotten. Keep {@code action} short: {@link #current} and {@link
   * #remove} of the same object wait for it.
   *
   * @return whether the action ran
   */
  public boolean whileHeld(String objectKey, Runnable action) {
    ObjectScalers o = closed ? null : byObject.get(objectKey);
    if (o == null) {
      return false;
    }
    synchronized (o) {
      if (o.removed || closed) {
        return false;
      }
      action.run();
      return true;
    }
  }

  // the scalers now held for objectKey, null when it was removed (or the cache closed) before or
  // while this built
  private List<TriggerScaler> update(
      String objectKey, ObjectScalers o, List<ResolvedTrigger> triggers) {
    o.builds.lock();
    try {
      List<TriggerScaler> old;
      synchronized (o) {
        if (o.removed) {
          return null;
        }
        old = o.scalers;
      }
      List<TriggerScaler> now = new ArrayList<>(triggers.size());
      List<TriggerScaler> built = new ArrayList<>();
      for (ResolvedTrigger t : triggers) {
        TriggerScaler previous = t.index() < old.size() ? old.get(t.index()) : null;
        if (previous != null
            && previous.context().equals(t.context())
            && previous.error().isEmpty()) {
          now.add(previous);
        } else {
          if (previous != null) {
            // closed before the new one is built: a shared client (redis) is then really renewed
            close(objectKey, previous);
          }
          TriggerScaler b = build(objectKey, t);
          built.add(b);
          now.add(b);
        }
      }
      for (int i = triggers.size(); i < old.size(); i++) {
        close(objectKey, old.get(i));
      }
      List<TriggerScaler> result = List.copyOf(now);
      if (!commit(objectKey, o, result)) {
        built.forEach(b -> close(objectKey, b));
        return null;
      }
      return result;
    } finally {
      o.builds.unlock();
    }
  }

  /**
   * Closes and rebuilds trigger {@code index} (after a failed poll); returns the new one.
   *
   * @throws IllegalArgumentException when the object holds no such trigger
   */
  public TriggerScaler rebuild(String objectKey, int index) {
    ObjectScalers o = byObject.get(objectKey);
    if (o == null) {
      throw new IllegalArgumentException(objectKey + " has no trigger " + index);
    }
    o.builds.lock();
    try {
      List<TriggerScaler> current = o.get();
      if (index >= current.size()) {
        throw new IllegalArgumentException(objectKey + " has no trigger " + index);
      }
      return rebuildLocked(objectKey, o, current.get(index));
    } finally {
      o.builds.unlock();
    }
  }

  /**
   * Rebuilds the trigger of {@code failed} only if {@code failed} is still the one held for it:
   * when another caller already rebuilt it (or its spec changed), the current one comes back
   * unbuilt again. A trigger no longer held comes back failed.
   */
  public TriggerScaler rebuildIfCurrent(String objectKey, TriggerScaler failed) {
    ObjectScalers o = byObject.get(objectKey);
    if (o == null) {
      return gone(objectKey, failed.index(), failed.context(), "removed");
    }
    o.builds.lock();
    try {
      List<TriggerScaler> current = o.get();
      if (failed.index() >= current.size()) {
        return gone(objectKey, failed.index(), failed.context(), "removed");
      }
      TriggerScaler held = current.get(failed.index());
      return held == failed ? rebuildLocked(objectKey, o, held) : held;
    } finally {
      o.builds.unlock();
    }
  }

  /** Closes every scaler of {@code objectKey}; a build of it in progress closes what it builds. */
  public void remove(String objectKey) {
    ObjectScalers o = byObject.remove(objectKey);
    if (o != null) {
      closeAll(objectKey, o);
    }
    pushListeners.remove(objectKey);
    extensions.values().forEach(e -> e.forget(objectKey));
  }

  /** The scalers currently held for {@code objectKey} (never waits for a build). */
  public List<TriggerScaler> current(String objectKey) {
    ObjectScalers o = byObject.get(objectKey);
    return o == null ? List.of() : o.get();
  }

  /** Closes every scaler; a build in progress closes what it builds, later ones build nothing. */
  @Override
  public void close() {
    closed = true;
    new ArrayList<>(byObject.keySet()).forEach(this::remove);
    extensions.values().forEach(Extension::close);
    extensions.clear();
  }

  // the caller holds o.builds
  private TriggerScaler rebuildLocked(String objectKey, ObjectScalers o, TriggerScaler old) {
    // closed first: a shared client (redis) must really be renewed by the rebuild
    close(objectKey, old);
    TriggerScaler fresh = build(objectKey, old.index(), old.context());
    synchronized (o) {
      if (!o.removed && !closed && old.index() < o.scalers.size()) {
        List<TriggerScaler> next = new ArrayList<>(o.scalers);
        next.set(old.index(), fresh);
        o.scalers = List.copyOf(next);
        return fresh;
      }
    }
    close(objectKey, fresh);
    return gone(objectKey, old.index(), old.context(), closed ? "closed" : "removed");
  }

  /** Stores {@code scalers} unless the object was removed or the cache closed meanwhile. */
  private boolean commit(String objectKey, ObjectScalers o, List<TriggerScaler> scalers) {
    synchronized (o) {
      if (!o.removed && !closed) {
        o.scalers = scalers;
        return true;
      }
    }
    // closed after this object was last seen by close(): it is forgotten here
    byObject.remove(objectKey, o);
    closeAll(objectKey, o);
    return false;
  }

  /** Marks {@code o} removed and closes what it held (only this caller takes them off it). */
  private void closeAll(String objectKey, ObjectScalers o) {
    List<TriggerScaler> old;
    synchronized (o) {
      o.removed = true;
      old = o.scalers;
      o.scalers = List.of();
    }
    old.forEach(s -> close(objectKey, s));
  }

  private static List<TriggerScaler> gone(
      String objectKey, List<ResolvedTrigger> triggers, String why) {
    return triggers.stream().map(t -> gone(objectKey, t.index(), t.context(), why)).toList();
  }

  private static TriggerScaler gone(String objectKey, int index, ScalerContext ctx, String why) {
    return TriggerScaler.failed(
        index,
        ctx,
        why.equals("closed")
            ? "scaler cache closed"
            : "scalers of " + objectKey + " were removed while building");
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
      AutoCloseable sub = subscribeIfPush(objectKey, index, s);
      synchronized (open) {
        open.put(s, sub);
      }
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

  private AutoCloseable subscribeIfPush(String objectKey, int index, Scaler s) {
    if (!(s instanceof PushScaler push)) {
      return NO_SUBSCRIPTION;
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
      LOG.info("{}: subscribed to push scaler of trigger {}", objectKey, index);
      return sub == null ? NO_SUBSCRIPTION : sub;
    } catch (RuntimeException e) {
      LOG.warn("{}: subscribing to trigger {} failed: {}", objectKey, index, e.toString());
      return NO_SUBSCRIPTION;
    }
  }

  /** Closes the scaler of {@code s} and its subscription, unless it was closed already. */
  private void close(String objectKey, TriggerScaler s) {
    Optional<Scaler> scaler = s.scaler();
    if (scaler.isEmpty()) {
      return;
    }
    AutoCloseable sub;
    synchronized (open) {
      if (!open.containsKey(scaler.get())) {
        return;
      }
      sub = open.remove(scaler.get());
    }
    if (sub != NO_SUBSCRIPTION) {
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
