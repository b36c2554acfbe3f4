package dev.keda4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.app.BindAddress;
import dev.keda4j.app.Operator;
import dev.keda4j.app.RunOptions;
import dev.keda4j.testkit.kube.KubeApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code keda4j run} in this JVM against the fixture's API (the stand-in, or a real cluster). */
class RunE2E {

  @RegisterExtension static final KubeApi KUBE = KubeApi.create().withCrds(RepoFiles.crds());

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void connectsFindsTheCrdsAndServesProbesAndMetrics() throws Exception {
    RunOptions options =
        new RunOptions(
            KUBE.kubeconfig(),
            List.of(KUBE.namespace()),
            new BindAddress("127.0.0.1", 0),
            new BindAddress("127.0.0.1", 0),
            0,
            Path.of("/nonexistent-certs"));

    try (Operator operator = Operator.start(options)) {
      assertThat(operator.kube().kedaCrdsInstalled()).isTrue();
      assertThat(operator.kube().serverVersion()).isNotBlank();
      assertThat(get(operator.probes().boundAddress().getPort(), "/healthz")).isEqualTo("ok");
      assertThat(get(operator.probes().boundAddress().getPort(), "/readyz")).isEqualTo("ok");
      assertThat(get(operator.metrics().boundAddress().getPort(), "/metrics")).isNotNull();
      assertThat(operator.adapter().port()).isPositive();
      assertThat(operator.adapter().servingCertificate()).isNotNull();
    }
  }

  private static String get(int port, String path) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }
}
