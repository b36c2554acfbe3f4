package dev.keda4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.testkit.kube.KubeApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The runnable jar as a user runs it: a separate process, its exit code and its output. */
class JarE2E {

  @RegisterExtension static final KubeApi KUBE = KubeApi.create().withCrds(RepoFiles.crds());

  record Run(int exitCode, String out, String err) {}

  static Run java(Path workDir, String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of(javaBinary(), "-jar", RepoFiles.jar().toString()));
    command.addAll(List.of(args));
    Path out = workDir.resolve("out.txt");
    Path err = workDir.resolve("err.txt");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keda4j %s finished", args[0]).isTrue();
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  @Test
  void scalersListsTheRegisteredTriggerTypes(@TempDir Path dir) throws Exception {
    Run run = java(dir, "scalers");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).contains("redis", "redis-streams");
  }

  @Test
  void validateAcceptsTheSeedsManifests(@TempDir Path dir) throws Exception {
    Path examples = RepoFiles.examples();
    Run run =
        java(
            dir,
            "validate",
            "-f",
            examples.resolve("servicebus-scaledobject.yaml").toString(),
            examples.resolve("kafka-scaledjob.yaml").toString());
    assertThat(run.err()).isEmpty();
    assertThat(run.out().lines()).noneMatch(line -> line.startsWith("ERROR"));
    assertThat(run.exitCode()).as(run.out()).isZero();
  }

  @Test
  void validateRefusesTheLegacyManifestNamingTheNewForm(@TempDir Path dir) throws Exception {
    Path legacy = RepoFiles.examples().resolve("legacy-v1-scaledobject.yaml");
    Run run = java(dir, "validate", "-f", legacy.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("legacy-v1-scaledobject.yaml")
        .contains("keda.k8s.io")
        .contains("keda.sh/v1alpha1")
        .contains("scaleTargetRef.name")
        .contains("spec.triggers");
  }

  @Test
  void validateNamesFileObjectAndFieldOfATypo(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("typo.yaml");
    Files.writeString(
        file,
        """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: web, namespace: shop}
        spec:
          scaleTargetRef: {name: web}
          maxReplicaCount: "ten"
          triggers:
          - type: redis
            metdata: {listName: orders}
        """,
        StandardCharsets.UTF_8);
    Run run = java(dir, "validate", "-f", file.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("typo.yaml: ScaledObject shop/web: spec.triggers[0].metdata")
        .contains("typo.yaml: ScaledObject shop/web: spec.maxReplicaCount");
  }

  @Test
  void runConnectsToTheApiAndServesHealth(@TempDir Path dir) throws Exception {
    int port = FreePort.find();
    List<String> command =
        List.of(
            javaBinary(),
            "-jar",
            RepoFiles.jar().toString(),
            "run",
            "--kubeconfig",
            KUBE.kubeconfig().toString(),
            "--watch-namespace",
            KUBE.namespace(),
            "--health-probe-bind-address",
            "127.0.0.1:" + port,
            "--metrics-bind-address",
            "127.0.0.1:0");
    Path err = dir.resolve("err.txt");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(err.toFile())
            .start();
    try {
      String body = awaitHealthz(port, process, Duration.ofSeconds(60));
      assertThat(body).isEqualTo("ok");
      assertThat(Files.readString(err, StandardCharsets.UTF_8))
          .contains("connected to Kubernetes")
          .contains(KUBE.namespace());
    } finally {
      process.destroy();
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
    }
    assertThat(process.exitValue()).as("exit code after SIGTERM").isIn(0, 143);
  }

  private static String awaitHealthz(int port, Process process, Duration timeout)
      throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      assertThat(process.isAlive()).as("keda4j run is still running").isTrue();
      try {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
      } catch (IOException notYet) {
        Thread.sleep(200);
      }
    }
    throw new AssertionError("/healthz did not answer within " + timeout);
  }
}
