package dev.keda4j.app;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.ApisApi;
import io.kubernetes.client.openapi.apis.VersionApi;
import io.kubernetes.client.openapi.models.V1APIGroupList;
import io.kubernetes.client.openapi.models.VersionInfo;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/** Builds the client-java client and proves the API server answers before anything else starts. */
public final class KubeConnection {

  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

  private final ApiClient client;
  private final VersionInfo version;

  private KubeConnection(ApiClient client, VersionInfo version) {
    this.client = client;
    this.version = version;
  }

  /**
   * Connects with the given kubeconfig, or the standard lookup when it is null.
   *
   * @throws UserFacingException with one line naming the server and the cause when it cannot
   */
  public static KubeConnection connect(Path kubeconfig) {
    ApiClient client = buildClient(kubeconfig);
    String where = client.getBasePath() + describeSource(kubeconfig);
    try {
      VersionInfo version = new VersionApi(client).getCode().execute();
      return new KubeConnection(client, version);
    } catch (ApiException e) {
      throw new UserFacingException(
          "cannot reach the Kubernetes API at " + where + ": " + reason(e), e);
    }
  }

  private static ApiClient buildClient(Path kubeconfig) {
    try {
      ApiClient client;
      if (kubeconfig == null) {
        if (!standardConfigExists()) {
          // client-java would silently fall back to http://localhost:8080, which helps no one
          throw new UserFacingException(
              "no cluster configured: no ~/.kube/config, KUBECONFIG is unset and this is not a"
                  + " pod; pass --kubeconfig FILE");
        }
        client = ClientBuilder.standard().build();
      } else {
        try (Reader reader = Files.newBufferedReader(kubeconfig, StandardCharsets.UTF_8)) {
          KubeConfig config = KubeConfig.loadKubeConfig(reader);
          config.setFile(kubeconfig.toFile());
          client = ClientBuilder.kubeconfig(config).build();
        }
      }
      client.setConnectTimeout((int) PROBE_TIMEOUT.toMillis());
      return client;
    } catch (NoSuchFileException e) {
      throw new UserFacingException("kubeconfig " + kubeconfig + " does not exist", e);
    } catch (IOException | RuntimeException e) {
      throw new UserFacingException(
          "cannot load kubeconfig" + describeSource(kubeconfig) + ": " + e.getMessage(), e);
    }
  }

  private static boolean standardConfigExists() {
    Path home = Path.of(System.getProperty("user.home"), ".kube", "config");
    boolean inCluster =
        System.getenv("KUBERNETES_SERVICE_HOST") != null
            && Files.exists(Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token"));
    return Files.exists(home) || inCluster;
  }

  private static String describeSource(Path kubeconfig) {
    return kubeconfig == null
        ? " (standard kubeconfig lookup)"
        : " (kubeconfig " + kubeconfig + ")";
  }

  private static String reason(ApiException e) {
    if (e.getCode() != 0) {
      return "HTTP " + e.getCode() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /** True when the keda.sh API group is served, i.e. the CRDs are installed. */
  public boolean kedaCrdsInstalled() {
    try {
      V1APIGroupList groups = new ApisApi(client).getAPIVersions().execute();
      return groups.getGroups().stream().anyMatch(g -> "keda.sh".equals(g.getName()));
    } catch (ApiException e) {
      throw new UserFacingException(
          "cannot list API groups at " + client.getBasePath() + ": " + reason(e), e);
    }
  }

  public ApiClient client() {
    return client;
  }

  public String serverVersion() {
    return version.getGitVersion();
  }
}
