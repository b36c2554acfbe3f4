package dev.keda4j.controller.scaledobject;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.keda4j.api.manifest.Manifests;
import dev.keda4j.api.v1alpha1.Condition;
import dev.keda4j.api.v1alpha1.KedaApi;
import dev.keda4j.api.v1alpha1.ScaledObject;
import dev.keda4j.api.v1alpha1.ScaledObjectStatus;
import dev.keda4j.controller.k8s.StatusPatcher;
import dev.keda4j.controller.k8s.StatusWriter;
import dev.keda4j.controller.scaledobject.status.Conditions;
import dev.keda4j.controller.scaledobject.status.ScaledObjectReasons;
import dev.keda4j.controller.scaledobject.status.StatusDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one status writer of ScaledObjects, shared by the reconciler and the scale loop:
 * field-scoped, so neither undoes the other.
 *
 * <p>A caller passes the ScaledObject it read (possibly a stale informer copy) and the status it
 * wants. Only what the caller changed relative to what it read is applied — top-level fields it
 * changed, and condition entries (by type) it changed — onto the freshest status known: the newer
 * (by resourceVersion) of the informer's copy and the status the server answered to this writer's
 * last patch. Under a per-object lock, so two writers of one object never interleave. Then only the
 * fields that differ from that freshest status are sent as a merge patch; nothing at all when none.
 */
final class SoStatusWriter {
  private static final Map<String, Known> KNOWN = new ConcurrentHashMap<>();
  private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();

  /** Writes handed over with {@link #writeSoon}, not sent yet, per object. */
  private static final Map<String, List<Pending>> PENDING = new ConcurrentHashMap<>();

  private static final java.util.concurrent.ScheduledExecutorService FLUSHER =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "so-status-flush");
            t.setDaemon(true);
            return t;
          });

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(SoStatusWriter.class);

  /** A caller's change not sent yet: applied before the next write's own. */
  private record Pending(
      StatusPatcher patcher,
      ScaledObject so,
      ScaledObjectStatus read,
      ScaledObjectStatus desired) {}

  /** The status last answered by the server to a patch of this writer. */
  private record Known(String uid, String resourceVersion, ScaledObjectStatus status) {}

  private SoStatusWriter() {}

  /**
   * @param so the ScaledObject the caller based {@code desired} on
   * @return true when a patch was sent
   * @throws dev.keda4j.controller.k8s.KubeCallException when the patch fails
   */
  static boolean write(StatusPatcher patcher, ScaledObject so, ScaledObjectStatus desired) {
    return write(patcher, so, so.getStatus(), desired);
  }

  /**
   * Like {@link #write(StatusPatcher, ScaledObject, ScaledObjectStatus)}, with the status the
   * caller based {@code desired} on given explicitly (e.g. from {@link #current}).
   */
  static boolean write(
      StatusPatcher patcher, ScaledObject so, ScaledObjectStatus read, ScaledObjectStatus desired) {
    String key = so.getMetadata().getNamespace() + "/" + so.getMetadata().getName();
    synchronized (LOCKS.computeIfAbsent(key, k -> new Object())) {
      List<Pending> pending = PENDING.remove(key);
      try {
        return send(key, patcher, so, pending, read, desired);
      } catch (RuntimeException e) {
        if (pending != null) {
          PENDING.merge(key, pending, SoStatusWriter::concat);
        }
        throw e;
      }
    }
  }

  /**
   * Hands a change over to go out together with the next {@link #write} of the same object (the
   * scale loop's first tick). When no tick is coming ({@code tickComing} false: the loop was
   * stopped, or its first tick ran without writing) it goes out alone after {@code within}; while
   * the first tick is queued but late (a busy scheduler) the handover waits for it, at most {@code
   * atMost}. Failures of that lone write are logged and retried a few times.
   *
   * @param tickComing whether a scale-loop tick that will take this change is still to come
   */
  static void writeSoon(
      StatusPatcher patcher,
      ScaledObject so,
      ScaledObjectStatus read,
      ScaledObjectStatus desired,
      java.time.Duration within,
      java.time.Duration atMost,
      java.util.function.BooleanSupplier tickComing) {
    String key = so.getMetadata().getNamespace() + "/" + so.getMetadata().getName();
    synchronized (LOCKS.computeIfAbsent(key, k -> new Object())) {
      PENDING.merge(
          key,
          List.of(new Pending(patcher, so, copy(read), copy(desired))),
          SoStatusWriter::concat);
    }
    long giveUpNanos = System.nanoTime() + atMost.toNanos();
    FLUSHER.schedule(
        () -> flushUnlessTickComing(key, tickComing, within, giveUpNanos),
        within.toMillis(),
        java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /** What the handed-over change still waits for, decided when its timer fires. */
  enum HandoverWait {
    /** Nothing pending any more (a write took it, or the object is gone). */
    DONE,
    /** The loop's first tick is still to come: look again later. */
    WAIT,
    /** No tick will take it (or it came too late): write it alone now. */
    ALONE
  }

  /** The pure decision of {@link #writeSoon}'s timer. */
  static HandoverWait handoverWait(boolean pending, boolean tickComing, boolean pastAtMost) {
    if (!pending) {
      return HandoverWait.DONE;
    }
    return tickComing && !pastAtMost ? HandoverWait.WAIT : HandoverWait.ALONE;
  }

  private static void flushUnlessTickComing(
      String key,
      java.util.function.BooleanSupplier tickComing,
      java.time.Duration within,
      long giveUpNanos) {
    HandoverWait wait =
        handoverWait(
            PENDING.containsKey(key),
            tickComing.getAsBoolean(),
            System.nanoTime() - giveUpNanos >= 0);
    if (wait == HandoverWait.WAIT) {
      FLUSHER.schedule(
          () -> flushUnlessTickComing(key, tickComing, within, giveUpNanos),
          within.toMillis(),
          java.util.concurrent.TimeUnit.MILLISECONDS);
    } else if (wait == HandoverWait.ALONE) {
      flush(key, 3);
    }
  }

  /**
   * Writes what was handed over for {@code ns/name} and not sent yet, alone, now (the loop's first
   * tick ended without a write of its own). Nothing when nothing is pending.
   */
  static void flushPending(String nsName) {
    if (PENDING.containsKey(nsName)) {
      flush(nsName, 3);
    }
  }

  private static void flush(String key, int attemptsLeft) {
    Object lock = LOCKS.get(key);
    if (lock == null) {
      return;
    }
    synchronized (lock) {
      List<Pending> pending = PENDING.remove(key);
      if (pending == null || pending.isEmpty()) {
        return;
      }
      Pending last = pending.get(pending.size() - 1);
      try {
        send(key, last.patcher(), last.so(), pending, null, null);
      } catch (RuntimeException e) {
        PENDING.merge(key, pending, SoStatusWriter::concat);
        if (attemptsLeft > 0) {
          LOG.warn("ScaledObject {}: status not written, retrying: {}", key, e.getMessage());
          FLUSHER.schedule(
              () -> flush(key, attemptsLeft - 1), 1, java.util.concurrent.TimeUnit.SECONDS);
        } else {
          LOG.warn("ScaledObject {}: status not written: {}", key, e.getMessage());
        }
      }
    }
  }

  private static List<Pending> concat(List<Pending> a, List<Pending> b) {
    List<Pending> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** Under the object's lock: pending changes, then the caller's, onto the freshest status. */
  private static boolean send(
      String key,
      StatusPatcher patcher,
      ScaledObject so,
      List<Pending> pending,
      ScaledObjectStatus read,
      ScaledObjectStatus desired) {
    {
      ScaledObjectStatus base = freshest(key, so);
      ScaledObjectStatus merged = base;
      if (pending != null) {
        for (Pending p : pending) {
          merged = merge(merged, p.read(), p.desired());
        }
      }
      if (desired != null) {
        merged = merge(merged, read, desired);
      }
      StatusDiff diff = StatusDiff.between(base, merged);
      if (diff.isEmpty()) {
        return false;
      }
      JsonObject tree = StatusWriter.tree(merged);
      JsonObject patch = new JsonObject();
      for (String field : diff.changedFields()) {
        patch.add(field, tree.has(field) ? tree.get(field) : JsonNull.INSTANCE);
      }
      JsonObject answer =
          patcher.patchStatus(
              KedaApi.GROUP,
              KedaApi.VERSION,
              KedaApi.SCALED_OBJECTS,
              so.getMetadata().getNamespace(),
              so.getMetadata().getName(),
              patch);
      remember(key, so, answer, merged);
      return true;
    }
  }

  /**
   * A copy of the freshest status known of {@code so}: the informer's, or what the server answered
   * to this writer's last patch when that is newer.
   */
  static ScaledObjectStatus current(ScaledObject so) {
    String key = so.getMetadata().getNamespace() + "/" + so.getMetadata().getName();
    synchronized (LOCKS.computeIfAbsent(key, k -> new Object())) {
      return freshest(key, so);
    }
  }

  /** Drops what is known about {@code ns/name} (the ScaledObject is gone). */
  static void forget(String nsName) {
    PENDING.remove(nsName);
    KNOWN.remove(nsName);
    LOCKS.remove(nsName);
  }

  /** A copy of the status (empty for null), to change and pass to {@link #write}. */
  static ScaledObjectStatus copy(ScaledObject so) {
    return copy(so.getStatus());
  }

  private static ScaledObjectStatus copy(ScaledObjectStatus status) {
    JsonObject tree = StatusWriter.tree(status);
    return Manifests.gson().fromJson(tree, ScaledObjectStatus.class);
  }

  /**
   * {@code base} with what {@code desired} changed relative to {@code read} applied: top-level
   * fields wholesale, conditions entry by entry. A condition the caller only added as the initial
   * default (absent from what it read) does not overwrite an entry {@code base} already has.
   */
  static ScaledObjectStatus merge(
      ScaledObjectStatus base, ScaledObjectStatus read, ScaledObjectStatus desired) {
    ScaledObjectStatus readOrEmpty = read == null ? new ScaledObjectStatus() : read;
    ScaledObjectStatus want = desired == null ? new ScaledObjectStatus() : desired;
    JsonObject out = StatusWriter.tree(base);
    JsonObject wanted = StatusWriter.tree(want);
    for (String field : StatusDiff.between(readOrEmpty, want).changedFields()) {
      if ("conditions".equals(field)) {
        continue;
      }
      JsonElement v = wanted.get(field);
      if (v == null || v.isJsonNull()) {
        out.remove(field);
      } else {
        out.add(field, v);
      }
    }
    ScaledObjectStatus result = Manifests.gson().fromJson(out, ScaledObjectStatus.class);
    List<Condition> updates = new ArrayList<>();
    List<Condition> baseConditions = base == null ? null : base.getConditions();
    if (want.getConditions() != null) {
      for (Condition c : want.getConditions()) {
        Optional<Condition> before = Conditions.find(readOrEmpty.getConditions(), c.getType());
        if (before.isPresent() && before.get().equals(c)) {
          continue;
        }
        if (before.isEmpty()
            && isInitial(c)
            && Conditions.find(baseConditions, c.getType()).isPresent()) {
          continue;
        }
        updates.add(c);
      }
    }
    if (!updates.isEmpty() || baseConditions != null) {
      result.conditions(Conditions.apply(baseConditions, updates));
    }
    return result;
  }

  private static boolean isInitial(Condition c) {
    for (Condition i : ScaledObjectReasons.initial()) {
      if (i.equals(c)) {
        return true;
      }
    }
    return false;
  }

  private static ScaledObjectStatus freshest(String key, ScaledObject so) {
    Known known = KNOWN.get(key);
    if (known == null || !Objects.equals(known.uid(), so.getMetadata().getUid())) {
      return copy(so.getStatus());
    }
    if (isNewer(so.getMetadata().getResourceVersion(), known.resourceVersion())) {
      return copy(so.getStatus());
    }
    return copy(known.status());
  }

  // resourceVersions are opaque; where both are numbers (etcd, the test fixture) they order
  private static boolean isNewer(String informer, String known) {
    try {
      return Long.parseLong(informer) > Long.parseLong(known);
    } catch (NumberFormatException | NullPointerException e) {
      return false;
    }
  }

  private static void remember(
      String key, ScaledObject so, JsonObject answer, ScaledObjectStatus sent) {
    ScaledObjectStatus status = sent;
    String rv = null;
    if (answer != null) {
      JsonElement st = answer.get("status");
      if (st != null && st.isJsonObject()) {
        status = Manifests.gson().fromJson(st, ScaledObjectStatus.class);
      }
      JsonElement meta = answer.get("metadata");
      if (meta != null && meta.isJsonObject() && meta.getAsJsonObject().has("resourceVersion")) {
        rv = meta.getAsJsonObject().get("resourceVersion").getAsString();
      }
    }
    KNOWN.put(key, new Known(so.getMetadata().getUid(), rv, status));
  }
}
