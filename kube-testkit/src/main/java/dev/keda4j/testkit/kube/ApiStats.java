package dev.keda4j.testkit.kube;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts API requests by Kubernetes verb ({@code get}, {@code list}, {@code watch}, {@code create},
 * {@code update}, {@code patch}, {@code delete}, {@code deletecollection}) and resource ({@code
 * jobs}, {@code deployments/scale}). Requests that name no resource (discovery, {@code /version})
 * count under verb {@code get} and their path. Only requests of the client under test are counted,
 * never the fixture's own.
 */
public final class ApiStats {

  private static final Set<String> WRITES =
      Set.of("create", "update", "patch", "delete", "deletecollection");

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  void record(String verb, String resource) {
    counts.computeIfAbsent(verb + " " + resource, k -> new LongAdder()).increment();
  }

  void record(String method, String path, String query) {
    ApiPath p = ApiPath.parse(path);
    if (!p.isResource()) {
      record("get", path);
      return;
    }
    record(verbOf(method, p, query), p.countedResource());
  }

  static String verbOf(String method, ApiPath p, String query) {
    boolean named = p.name() != null;
    return switch (method) {
      case "GET" -> named ? "get" : isWatch(query) ? "watch" : "list";
      case "POST" -> "create";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> named ? "delete" : "deletecollection";
      default -> method.toLowerCase(java.util.Locale.ROOT);
    };
  }

  static boolean isWatch(String query) {
    if (query == null) {
      return false;
    }
    for (String part : query.split("&")) {
      if (part.equals("watch=true") || part.equals("watch=1")) {
        return true;
      }
    }
    return false;
  }

  /** Requests with this verb on this resource, e.g. {@code count("create", "jobs")}. */
  public long count(String verb, String resource) {
    LongAdder a = counts.get(verb + " " + resource);
    return a == null ? 0 : a.sum();
  }

  /** Requests with this verb on any resource. */
  public long count(String verb) {
    return sum(k -> k.startsWith(verb + " "));
  }

  /** Creates, updates, patches and deletes on any resource. */
  public long writes() {
    return sum(k -> WRITES.contains(k.substring(0, k.indexOf(' '))));
  }

  /** Every counted request. */
  public long total() {
    return sum(k -> true);
  }

  /** A sorted copy of the counters, keyed {@code "verb resource"}. */
  public Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((k, v) -> copy.put(k, v.sum()));
    return copy;
  }

  /** Sets every counter back to zero. */
  public void reset() {
    counts.clear();
  }

  private long sum(java.util.function.Predicate<String> keys) {
    long total = 0;
    for (Map.Entry<String, LongAdder> e : counts.entrySet()) {
      if (keys.test(e.getKey())) {
        total += e.getValue().sum();
      }
    }
    return total;
  }

  @Override
  public String toString() {
    return snapshot().toString();
  }
}
