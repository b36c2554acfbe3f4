package dev.keda4j.controller.k8s;

import com.google.gson.JsonObject;
import dev.keda4j.api.v1alpha1.AuthenticationRef;
import dev.keda4j.api.v1alpha1.ClusterTriggerAuthentication;
import dev.keda4j.api.v1alpha1.KedaApi;
import dev.keda4j.api.v1alpha1.ScaleTriggers;
import dev.keda4j.api.v1alpha1.TriggerAuthentication;
import dev.keda4j.api.v1alpha1.TriggerAuthenticationStatus;
import dev.keda4j.controller.scaling.resolve.ObjectLookup;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * KEDA's bookkeeping on (Cluster)TriggerAuthentications (crds.md §4.3): {@code
 * status.scaledobjects} / {@code status.scaledjobs} list, comma-joined, the names of the objects
 * whose triggers reference it. Each call reads the auth and writes a merge patch of only that one
 * field, only when the list actually changes; a missing auth is skipped (the resolver reports it on
 * the object).
 *
 * <p>ScaledObjects and ScaledJobs own different fields, so their controllers never undo each other;
 * within one JVM writes to the same auth are serialised.
 */
public final class TriggerAuthStatus {
  private static final Logger LOG = LoggerFactory.getLogger(TriggerAuthStatus.class);
  private static final Set<String> LOCKS = ConcurrentHashMap.newKeySet();
  private static final Object MONITOR = new Object();

  /** Which status field an object kind is recorded in. */
  public enum Kind {
    SCALED_OBJECT("scaledobjects"),
    SCALED_JOB("scaledjobs");

    private final String field;

    Kind(String field) {
      this.field = field;
    }

    /** The JSON field of the auth's status. */
    public String field() {
      return field;
    }

    String of(TriggerAuthenticationStatus s) {
      if (s == null) {
        return null;
      }
      return this == SCALED_OBJECT ? s.getScaledObjects() : s.getScaledJobs();
    }
  }

  private final ObjectLookup lookup;
  private final StatusPatcher patcher;

  public TriggerAuthStatus(ObjectLookup lookup, StatusPatcher patcher) {
    this.lookup = lookup;
    this.patcher = patcher;
  }

  /**
   * Adds {@code name} to every auth {@code triggers} reference (no-op for those already listing
   * it).
   *
   * @param namespace the object's namespace (where TriggerAuthentications are looked up)
   * @return how many auths were patched
   * @throws KubeCallException when a read or write fails
   */
  public int register(Kind kind, String namespace, String name, List<ScaleTriggers> triggers) {
    return update(kind, namespace, name, triggers, true);
  }

  /**
   * Removes {@code name} from every auth {@code triggers} reference (on deletion of the object).
   *
   * @return how many auths were patched
   * @throws KubeCallException when a read or write fails
   */
  public int unregister(Kind kind, String namespace, String name, List<ScaleTriggers> triggers) {
    return update(kind, namespace, name, triggers, false);
  }

  /** The comma-joined list with {@code name} added (true) or removed (false); order is kept. */
  public static String updatedList(String current, String name, boolean add) {
    Set<String> names = new LinkedHashSet<>();
    if (current != null) {
      for (String n : current.split(",", -1)) {
        if (!n.trim().isEmpty()) {
          names.add(n.trim());
        }
      }
    }
    if (add) {
      names.add(name);
    } else {
      names.remove(name);
    }
    return String.join(",", names);
  }

  /** The distinct auths {@code triggers} reference, as (kind, name). */
  public static List<AuthenticationRef> references(List<ScaleTriggers> triggers) {
    List<AuthenticationRef> refs = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    if (triggers == null) {
      return refs;
    }
    for (ScaleTriggers t : triggers) {
      AuthenticationRef ref = t == null ? null : t.getAuthenticationRef();
      if (ref == null || ref.getName() == null || ref.getName().isEmpty()) {
        continue;
      }
      String kind =
          isCluster(ref) ? KedaApi.CLUSTER_TRIGGER_AUTHENTICATION : KedaApi.TRIGGER_AUTHENTICATION;
      if (seen.add(kind + "/" + ref.getName())) {
        refs.add(new AuthenticationRef().kind(kind).name(ref.getName()));
      }
    }
    return refs;
  }

  private static boolean isCluster(AuthenticationRef ref) {
    return KedaApi.CLUSTER_TRIGGER_AUTHENTICATION.equals(ref.getKind());
  }

  private int update(
      Kind kind, String namespace, String name, List<ScaleTriggers> triggers, boolean add) {
    int patched = 0;
    for (AuthenticationRef ref : references(triggers)) {
      boolean cluster = isCluster(ref);
      String lockKey = cluster ? "/" + ref.getName() : namespace + "/" + ref.getName();
      acquire(lockKey);
      try {
        if (updateOne(kind, cluster, namespace, ref.getName(), name, add)) {
          patched++;
        }
      } finally {
        release(lockKey);
      }
    }
    return patched;
  }

  private boolean updateOne(
      Kind kind, boolean cluster, String namespace, String authName, String name, boolean add) {
    Optional<TriggerAuthenticationStatus> status;
    if (cluster) {
      Optional<ClusterTriggerAuthentication> cta = lookup.clusterTriggerAuthentication(authName);
      if (cta.isEmpty()) {
        return false;
      }
      status = Optional.ofNullable(cta.get().getStatus());
    } else {
      Optional<TriggerAuthentication> ta = lookup.triggerAuthentication(namespace, authName);
      if (ta.isEmpty()) {
        return false;
      }
      status = Optional.ofNullable(ta.get().getStatus());
    }
    String current = kind.of(status.orElse(null));
    String next = updatedList(current, name, add);
    if (Objects.equals(emptyToNull(current), emptyToNull(next))) {
      return false;
    }
    JsonObject patch = new JsonObject();
    if (next.isEmpty()) {
      patch.add(kind.field(), com.google.gson.JsonNull.INSTANCE);
    } else {
      patch.addProperty(kind.field(), next);
    }
    if (cluster) {
      patcher.patchClusterStatus(
          KedaApi.GROUP, KedaApi.VERSION, KedaApi.CLUSTER_TRIGGER_AUTHENTICATIONS, authName, patch);
    } else {
      patcher.patchStatus(
          KedaApi.GROUP,
          KedaApi.VERSION,
          KedaApi.TRIGGER_AUTHENTICATIONS,
          namespace,
          authName,
          patch);
    }
    LOG.info(
        "{} {}{}: status.{} = {}",
        cluster ? KedaApi.CLUSTER_TRIGGER_AUTHENTICATION : KedaApi.TRIGGER_AUTHENTICATION,
        cluster ? "" : namespace + "/",
        authName,
        kind.field(),
        next);
    return true;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static void acquire(String key) {
    synchronized (MONITOR) {
      while (!LOCKS.add(key)) {
        try {
          MONITOR.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new KubeCallException("lock TriggerAuthentication " + key, 0, e);
        }
      }
    }
  }

  private static void release(String key) {
    synchronized (MONITOR) {
      LOCKS.remove(key);
      MONITOR.notifyAll();
    }
  }
}
