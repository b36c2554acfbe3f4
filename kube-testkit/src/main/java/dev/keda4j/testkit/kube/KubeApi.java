package dev.keda4j.testkit.kube;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A Kubernetes API for a test class: an in-process stand-in by default, a real cluster when one is
 * configured.
 *
 * <pre>{@code
 * @RegisterExtension static KubeApi kube = KubeApi.create();            // or .withCrds(Path.of(...))
 *
 * @Test void scales() throws Exception {
 *   kube.apply("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 1, ...}");
 *   var apps = new AppsV1Api(kube.apiClient());
 *   ... apps.readNamespacedDeployment("web", kube.namespace()).execute() ...
 *   assertThat(kube.stats().count("patch", "deployments/scale")).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p><b>Stand-in mode</b> (default): fabric8's {@code KubernetesMockServer} in CRUD mode behind a
 * Vert.x proxy that adds what the mock lacks for client-java (HTTP watches, {@code /scale}, RFC
 * 7386 merge patch, strategic merge patch, discovery, set-based selectors, garbage collection,
 * {@code metav1.Status} errors, kind filling; see {@code kube-testkit/README.md}). One stand-in per
 * test class, started in {@code beforeAll} (about 2 s for the first in a JVM, tens of milliseconds
 * after), stopped in {@code afterAll}. All requests through it are counted ({@link #stats()}) and
 * can be rate limited ({@link #withQpsLimit(double)}).
 *
 * <p><b>Real-cluster mode</b>: when the system property {@code keda4j.kubeconfig} or the
 * environment variable {@code KUBECONFIG} names a kubeconfig, the client is built from it (current
 * context) and no stand-in starts; counting and the QPS cap then work through an OkHttp interceptor
 * on {@link #apiClient()}.
 *
 * <p>In both modes the fixture creates a unique namespace per test class ({@link #namespace()};
 * more with {@link #createNamespace(String)}) and deletes it afterwards. Outside JUnit, use {@link
 * #start(String)} and {@link #close()}.
 *
 * <ul>
 *   <li>{@link #apiClient()}: a client-java {@code ApiClient} (read timeout 0 for watches),
 *       independent of {@code Configuration.getDefaultApiClient()};
 *   <li>{@link #baseUrl()}, {@link #kubeconfig()} (a kubeconfig file for kubectl or a child
 *       process);
 *   <li>{@link #apply(String)}, {@link #dynamicApi(String, String)}, {@link #raw(String, String,
 *       String)}, {@link #loadCrds(Path)}: generic helpers;
 *   <li>{@link #stats()}, {@link #withQpsLimit(double, int)}: API budgets.
 * </ul>
 */
public final class KubeApi
    implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, AutoCloseable {

  /** A raw answer: status code and body text. */
  public record RawResponse(int code, String body) {
    /** The body as a Vert.x JSON object (null when it is not one). */
    public JsonObject json() {
      return body == null || body.isBlank() || !body.trim().startsWith("{")
          ? null
          : new JsonObject(body);
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ApiStats stats = new ApiStats();
  private final List<Path> crds = new ArrayList<>();
  private final List<String> namespaces = new ArrayList<>();
  private Duration bookmarkInterval = Duration.ofSeconds(1);
  private volatile QpsLimiter limiter;
  private StandIn standIn;
  private ApiClient client;
  private String baseUrl;
  private Path kubeconfig;
  private Path realKubeconfig;
  private String namespace;

  private KubeApi() {}

  /** A fixture; the mode is decided when it starts. */
  public static KubeApi create() {
    return new KubeApi();
  }

  /**
   * The kubeconfig of a real cluster when one is configured ({@code -Dkeda4j.kubeconfig} or
   * KUBECONFIG).
   */
  public static Path configuredKubeconfig() {
    String p = System.getProperty("keda4j.kubeconfig");
    if (p == null || p.isBlank()) {
      p = System.getenv("KUBECONFIG");
    }
    if (p == null || p.isBlank()) {
      return null;
    }
    return Path.of(p.split(java.io.File.pathSeparator)[0]);
  }

  /** Loads the CRD YAMLs of a directory (or one file) when the fixture starts. */
  public KubeApi withCrds(Path dirOrFile) {
    crds.add(dirOrFile);
    return this;
  }

  /**
   * How often a watch with {@code allowWatchBookmarks=true} gets a BOOKMARK from the stand-in (1
   * s).
   */
  public KubeApi withBookmarkInterval(Duration interval) {
    this.bookmarkInterval = interval;
    return this;
  }

  /** Caps the request rate from now on, burst 1. May be called at any time. */
  public KubeApi withQpsLimit(double qps) {
    return withQpsLimit(qps, 1);
  }

  /** Caps the request rate from now on: {@code qps} a second, up to {@code burst} at once. */
  public KubeApi withQpsLimit(double qps, int burst) {
    QpsLimiter l = new QpsLimiter(qps, burst);
    this.limiter = l;
    if (standIn != null) {
      standIn.limit(l);
    }
    return this;
  }

  /** Removes the QPS cap. */
  public KubeApi withoutQpsLimit() {
    this.limiter = null;
    if (standIn != null) {
      standIn.limit(null);
    }
    return this;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    start(context.getRequiredTestClass().getSimpleName());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (client == null) {
      start(context.getRequiredTestClass().getSimpleName());
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  /** Starts the fixture (idempotent) and creates its namespace, named after {@code label}. */
  public synchronized KubeApi start(String label) {
    if (client != null) {
      return this;
    }
    realKubeconfig = configuredKubeconfig();
    try {
      if (realKubeconfig == null) {
        standIn = new StandIn(stats, bookmarkInterval.toMillis());
        standIn.limit(limiter);
        baseUrl = standIn.baseUrl();
        client = withInterceptor(new ClientBuilder().setBasePath(baseUrl).build(), false);
      } else {
        KubeConfig config;
        try (Reader reader = Files.newBufferedReader(realKubeconfig, StandardCharsets.UTF_8)) {
          config = KubeConfig.loadKubeConfig(reader);
        }
        config.setFile(realKubeconfig.toFile());
        client = withInterceptor(ClientBuilder.kubeconfig(config).build(), true);
        baseUrl = client.getBasePath();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    namespace = createNamespace(label);
    for (Path crd : crds) {
      loadCrds(crd);
    }
    return this;
  }

  private ApiClient withInterceptor(ApiClient c, boolean real) {
    Interceptor budget =
        chain -> {
          if (real) {
            okhttp3.Request r = chain.request();
            stats.record(r.method(), r.url().encodedPath(), r.url().encodedQuery());
            QpsLimiter l = limiter;
            long wait = l == null ? 0 : l.reserve();
            if (wait > 0) {
              try {
                Thread.sleep(wait);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
          }
          return chain.proceed(chain.request());
        };
    c.setHttpClient(
        c.getHttpClient()
            .newBuilder()
            .readTimeout(0, TimeUnit.MILLISECONDS)
            .addInterceptor(budget)
            .build());
    return c;
  }

  /** True when the fixture talks to a real cluster. */
  public boolean isRealCluster() {
    return realKubeconfig != null;
  }

  /** The client for this test class. Read timeout 0, so watches stay open. */
  public ApiClient apiClient() {
    requireStarted();
    return client;
  }

  /** The API server's base URL ({@code http://127.0.0.1:port} for the stand-in). */
  public String baseUrl() {
    requireStarted();
    return baseUrl;
  }

  /** The namespace created for this test class. */
  public String namespace() {
    requireStarted();
    return namespace;
  }

  /** Request counters (stand-in: every request through the proxy; real cluster: this client's). */
  public ApiStats stats() {
    return stats;
  }

  /**
   * A kubeconfig file for this API: for the stand-in one generated once (server, token, and this
   * class's namespace as the context's namespace); for a real cluster the configured one.
   */
  public synchronized Path kubeconfig() {
    requireStarted();
    if (realKubeconfig != null) {
      return realKubeconfig;
    }
    if (kubeconfig == null) {
      try {
        kubeconfig = Files.createTempFile("keda4j-standin-", ".kubeconfig");
        kubeconfig.toFile().deleteOnExit();
        Files.writeString(
            kubeconfig,
            String.join(
                "\n",
                "apiVersion: v1",
                "kind: Config",
                "clusters:",
                "- name: keda4j-standin",
                "  cluster:",
                "    server: " + baseUrl,
                "contexts:",
                "- name: keda4j-standin",
                "  context:",
                "    cluster: keda4j-standin",
                "    user: keda4j-standin",
                "    namespace: " + namespace,
                "current-context: keda4j-standin",
                "users:",
                "- name: keda4j-standin",
                "  user:",
                "    token: keda4j-standin",
                ""),
            StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return kubeconfig;
  }

  /** Creates another namespace, deleted when the fixture closes. Returns its name. */
  public String createNamespace(String label) {
    String clean =
        label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    clean = clean.length() > 40 ? clean.substring(0, 40) : clean;
    StringBuilder name =
        new StringBuilder("kt-").append(clean.isEmpty() ? "test" : clean).append('-');
    for (int i = 0; i < 5; i++) {
      name.append((char) ('a' + RANDOM.nextInt(26)));
    }
    String ns = name.toString().replace("--", "-");
    JsonObject body =
        new JsonObject()
            .put("apiVersion", "v1")
            .put("kind", "Namespace")
            .put("metadata", new JsonObject().put("name", ns));
    RawResponse created = raw("POST", "/api/v1/namespaces", body.encode());
    if (created.code() >= 300) {
      throw new IllegalStateException("cannot create namespace " + ns + ": " + created);
    }
    synchronized (namespaces) {
      namespaces.add(ns);
    }
    return ns;
  }

  /**
   * Creates (or, when they exist, replaces) the objects of a YAML or JSON text; several YAML
   * documents may be separated by {@code ---}. Namespaced objects without a namespace go to {@link
   * #namespace()}.
   */
  public List<DynamicKubernetesObject> apply(String yamlOrJson) {
    List<DynamicKubernetesObject> result = new ArrayList<>();
    for (JsonObject object : parseDocuments(yamlOrJson)) {
      result.add(applyOne(object));
    }
    return result;
  }

  private DynamicKubernetesObject applyOne(JsonObject object) {
    String apiVersion = object.getString("apiVersion");
    String kind = object.getString("kind");
    if (apiVersion == null || kind == null) {
      throw new IllegalArgumentException("apply needs apiVersion and kind: " + object.encode());
    }
    JsonObject resource = resourceFor(apiVersion, kind);
    JsonObject metadata = object.getJsonObject("metadata");
    if (metadata == null) {
      metadata = new JsonObject();
      object.put("metadata", metadata);
    }
    String prefix = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
    if (resource.getBoolean("namespaced", true)) {
      if (metadata.getString("namespace") == null) {
        metadata.put("namespace", namespace());
      }
      prefix += "/namespaces/" + metadata.getString("namespace");
    }
    String collection = prefix + "/" + resource.getString("name");
    RawResponse answer = raw("POST", collection, object.encode());
    if (answer.code() == 409) {
      String objectPath = collection + "/" + metadata.getString("name");
      RawResponse current = raw("GET", objectPath, null);
      if (current.code() == 200) {
        metadata.put(
            "resourceVersion",
            current.json().getJsonObject("metadata").getString("resourceVersion"));
      }
      answer = raw("PUT", objectPath, object.encode());
    }
    if (answer.code() >= 300) {
      throw new IllegalStateException("apply of " + kind + " failed: " + answer);
    }
    return new DynamicKubernetesObject(JsonParser.parseString(answer.body()).getAsJsonObject());
  }

  /** The discovery entry (name, namespaced, ...) of a kind, asked from the API server. */
  private JsonObject resourceFor(String apiVersion, String kind) {
    String path = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
    RawResponse list = raw("GET", path, null);
    if (list.code() == 200 && list.json() != null) {
      for (Object r : list.json().getJsonArray("resources", new JsonArray())) {
        JsonObject res = (JsonObject) r;
        if (kind.equals(res.getString("kind")) && !res.getString("name").contains("/")) {
          return res;
        }
      }
    }
    throw new IllegalArgumentException("the API server does not serve " + apiVersion + " " + kind);
  }

  /**
   * A generic client for one resource, e.g. {@code dynamicApi("keda.sh/v1alpha1",
   * "scaledobjects")}.
   */
  public DynamicKubernetesApi dynamicApi(String apiVersion, String plural) {
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    return new DynamicKubernetesApi(group, version, plural, apiClient());
  }

  /**
   * Applies the CRD YAMLs of a directory (every {@code *.yaml}/{@code *.yml}) or one file; on the
   * stand-in they also enter discovery. keda.sh's kinds are in the stand-in's discovery without
   * them.
   */
  public void loadCrds(Path dirOrFile) {
    List<Path> files;
    if (Files.isDirectory(dirOrFile)) {
      try (Stream<Path> s = Files.list(dirOrFile)) {
        files =
            s.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                .sorted()
                .toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      files = List.of(dirOrFile);
    }
    for (Path f : files) {
      try {
        apply(Files.readString(f, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * One request with this fixture's client and credentials; {@code path} may carry a query. A JSON
   * body is sent with content type {@code application/json}, or for PATCH as a merge patch.
   */
  public RawResponse raw(String method, String path, String jsonBody) {
    return raw(
        method,
        path,
        jsonBody,
        "PATCH".equals(method) ? "application/merge-patch+json" : "application/json");
  }

  /** As {@link #raw(String, String, String)} with an explicit content type. */
  public RawResponse raw(String method, String path, String body, String contentType) {
    requireStarted();
    Map<String, String> headers = new HashMap<>();
    headers.put("Content-Type", contentType);
    headers.put("Accept", "application/json");
    JsonElement json = body == null ? null : JsonParser.parseString(body);
    try {
      Call call =
          client.buildCall(
              baseUrl,
              path,
              method,
              List.of(),
              List.of(),
              json,
              headers,
              new HashMap<>(),
              new HashMap<>(),
              new String[] {"BearerToken"},
              null);
      try (Response response = call.execute()) {
        String text = response.body() == null ? "" : response.body().string();
        return new RawResponse(response.code(), text);
      }
    } catch (ApiException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static List<JsonObject> parseDocuments(String text) {
    List<JsonObject> objects = new ArrayList<>();
    for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
      if (doc instanceof Map<?, ?> map) {
        JsonObject o = new JsonObject((Map<String, Object>) map);
        if (o.getString("kind", "").endsWith("List") && o.containsKey("items")) {
          o.getJsonArray("items").forEach(i -> objects.add((JsonObject) i));
        } else {
          objects.add(o);
        }
      }
    }
    return objects;
  }

  private void requireStarted() {
    if (client == null) {
      throw new IllegalStateException(
          "KubeApi is not started: register it with @RegisterExtension or call start()");
    }
  }

  /** Deletes the namespaces this fixture created and stops the stand-in. */
  @Override
  public synchronized void close() {
    if (client == null) {
      return;
    }
    if (isRealCluster()) {
      synchronized (namespaces) {
        for (String ns : namespaces) {
          raw("DELETE", "/api/v1/namespaces/" + ns, null);
        }
      }
    }
    namespaces.clear();
    if (standIn != null) {
      standIn.close();
      standIn = null;
    }
    client = null;
    kubeconfig = null;
  }
}
