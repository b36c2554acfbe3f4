package dev.keda4j.testkit.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TablePrintingTest {

  @RegisterExtension static KubeApi kube = KubeApi.create().withCrds(crdDirectory());

  private static final String TABLE_ACCEPT =
      "application/json;as=Table;v=v1;g=meta.k8s.io,"
          + "application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

  /** Like /work/shared/examples/kafka-scaledjob.yaml, without its namespace. */
  private static final String KAFKA_SCALEDJOB =
      """
      apiVersion: keda.sh/v1alpha1
      kind: ScaledJob
      metadata:
        name: kafka-scaledjob
      spec:
        jobTargetRef:
          template:
            spec:
              containers:
                - name: kafka
                  image: confluentinc/cp-kafka:7.6.1
                  command: [ "/bin/sh", "-c" ]
                  args: [ "echo start; kafka-console-consumer --max-messages 1; echo end!" ]
              restartPolicy: Never
          backoffLimit: 4
        pollingInterval: 10
        maxReplicaCount: 30
        successfulJobsHistoryLimit: 3
        failedJobsHistoryLimit: 2
        triggers:
          - type: kafka
            metadata:
              bootstrapServers: kafka.confluent.svc.cluster.local:9092
              consumerGroup: my-group
              topic: test-topic
              lagThreshold: "50"
              offsetResetPolicy: latest
      """;

  private static final String SCALEDOBJECT =
      """
      apiVersion: keda.sh/v1alpha1
      kind: ScaledObject
      metadata:
        name: web-so
      spec:
        scaleTargetRef:
          name: web
        minReplicaCount: 1
        maxReplicaCount: 10
        triggers:
          - type: cpu
            metricType: Utilization
            metadata:
              value: "60"
      """;

  static Path crdDirectory() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    while (dir != null) {
      Path crds = dir.resolve("charts/keda4j/crds");
      if (Files.isDirectory(crds)) {
        return crds;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "no charts/keda4j/crds above " + System.getProperty("user.dir"));
  }

  @Test
  void kubectlGetScaledJobPrintsKedaColumns() throws Exception {
    kube.apply(KAFKA_SCALEDJOB);
    writeStatus(
        "scaledjobs",
        "kafka-scaledjob",
        new JsonObject()
            .put("triggersTypes", "kafka")
            .put("conditions", conditions("Ready", "True", "Active", "True", "Paused", "Unknown")));

    List<String> lines = lines(kubectl("get", "scaledjob", "-n", kube.namespace()));
    assertThat(words(lines.get(0)))
        .containsExactly(
            "NAME", "MIN", "MAX", "TRIGGERS", "AUTHENTICATION", "READY", "ACTIVE", "PAUSED", "AGE");
    assertThat(lines).hasSize(2);
    List<String> row = words(lines.get(1));
    assertThat(row.subList(0, row.size() - 1))
        .containsExactly("kafka-scaledjob", "30", "kafka", "True", "True", "Unknown");
    assertThat(row.get(row.size() - 1)).matches("\\d+s");

    // the same by name and by short name
    List<String> one = lines(kubectl("get", "sj", "kafka-scaledjob", "-n", kube.namespace()));
    assertThat(words(one.get(1))).startsWith("kafka-scaledjob", "30", "kafka", "True");
  }

  @Test
  void kubectlGetSoPrintsScaledObjectColumns() throws Exception {
    kube.apply(SCALEDOBJECT);
    writeStatus(
        "scaledobjects",
        "web-so",
        new JsonObject()
            .put("scaleTargetKind", "apps/v1.Deployment")
            .put("triggersTypes", "cpu")
            .put(
                "conditions",
                conditions(
                    "Ready", "True", "Active", "False", "Fallback", "False", "Paused", "False")));

    List<String> lines = lines(kubectl("get", "so", "-n", kube.namespace()));
    assertThat(words(lines.get(0)))
        .containsExactly(
            "NAME",
            "SCALETARGETKIND",
            "SCALETARGETNAME",
            "MIN",
            "MAX",
            "READY",
            "ACTIVE",
            "FALLBACK",
            "PAUSED",
            "TRIGGERS",
            "AUTHENTICATIONS",
            "AGE");
    List<String> row = words(lines.get(1));
    assertThat(row.subList(0, row.size() - 1))
        .containsExactly(
            "web-so",
            "apps/v1.Deployment",
            "web",
            "1",
            "10",
            "True",
            "False",
            "False",
            "False",
            "cpu");
  }

  @Test
  void tableAnswerHasColumnsRowsAndPartialMetadata() {
    kube.apply(SCALEDOBJECT.replace("web-so", "raw-so"));
    String path = "/apis/keda.sh/v1alpha1/namespaces/" + kube.namespace() + "/scaledobjects/raw-so";
    JsonObject table = new JsonObject(get(path, TABLE_ACCEPT));
    assertThat(table.getString("kind")).isEqualTo("Table");
    assertThat(table.getString("apiVersion")).isEqualTo("meta.k8s.io/v1");
    assertThat(table.getJsonObject("metadata").getString("resourceVersion")).isNotEmpty();
    JsonObject name = table.getJsonArray("columnDefinitions").getJsonObject(0);
    assertThat(name.getString("name")).isEqualTo("Name");
    assertThat(name.getString("format")).isEqualTo("name");
    JsonObject min = table.getJsonArray("columnDefinitions").getJsonObject(3);
    assertThat(min.getString("name")).isEqualTo("Min");
    assertThat(min.getString("type")).isEqualTo("integer");
    assertThat(min.getString("description"))
        .isEqualTo("Custom resource definition column (in JSONPath format): .spec.minReplicaCount");
    JsonObject row = table.getJsonArray("rows").getJsonObject(0);
    JsonArray cells = row.getJsonArray("cells");
    assertThat(cells.getValue(0)).isEqualTo("raw-so");
    assertThat(cells.getValue(1)).isNull(); // no status yet
    assertThat(cells.getValue(2)).isEqualTo("web");
    assertThat(cells.getLong(3)).isEqualTo(1L);
    assertThat(row.getJsonObject("object").getString("kind")).isEqualTo("PartialObjectMetadata");
    assertThat(row.getJsonObject("object").getJsonObject("metadata").getString("name"))
        .isEqualTo("raw-so");

    JsonObject withObject = new JsonObject(get(path + "?includeObject=Object", TABLE_ACCEPT));
    assertThat(
            withObject
                .getJsonArray("rows")
                .getJsonObject(0)
                .getJsonObject("object")
                .getString("kind"))
        .isEqualTo("ScaledObject");

    // plain JSON is still plain JSON, and built-in kinds are not turned into Tables
    assertThat(new JsonObject(get(path, "application/json")).getString("kind"))
        .isEqualTo("ScaledObject");
    String configMaps = "/api/v1/namespaces/" + kube.namespace() + "/configmaps";
    assertThat(new JsonObject(get(configMaps, TABLE_ACCEPT)).getString("kind"))
        .isNotEqualTo("Table");
  }

  @Test
  void aCrdWithoutPrinterColumnsGetsAge() throws Exception {
    kube.apply(
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.com
        spec:
          group: example.com
          scope: Namespaced
          names: {plural: widgets, singular: widget, kind: Widget, shortNames: [wd]}
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
        """);
    kube.apply(
        "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"w1\"}}");
    List<String> lines = lines(kubectl("get", "widgets", "-n", kube.namespace()));
    assertThat(words(lines.get(0))).containsExactly("NAME", "AGE");
    assertThat(words(lines.get(1))).hasSize(2).first().isEqualTo("w1");
  }

  @Test
  void kubectlGetConfigMapsStillWorks() throws Exception {
    kube.apply("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"plain\"}}");
    String out = kubectl("get", "configmaps", "-n", kube.namespace());
    assertThat(out).contains("plain");
  }

  private static JsonArray conditions(String... typeAndStatus) {
    JsonArray conditions = new JsonArray();
    String now = Instant.now().toString();
    for (int i = 0; i < typeAndStatus.length; i += 2) {
      conditions.add(
          new JsonObject()
              .put("type", typeAndStatus[i])
              .put("status", typeAndStatus[i + 1])
              .put("reason", "Test")
              .put("lastTransitionTime", now));
    }
    return conditions;
  }

  private static void writeStatus(String plural, String name, JsonObject status) {
    String path =
        "/apis/keda.sh/v1alpha1/namespaces/" + kube.namespace() + "/" + plural + "/" + name;
    JsonObject current = kube.raw("GET", path, null).json();
    current.put("status", status);
    KubeApi.RawResponse r = kube.raw("PUT", path + "/status", current.encode());
    assertThat(r.code()).as(r.toString()).isEqualTo(200);
  }

  private static String get(String path, String accept) {
    try {
      java.net.http.HttpResponse<String> r =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create(kube.apiClient().getBasePath() + path))
                      .header("Accept", accept)
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      return r.body();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<String> lines(String out) {
    List<String> lines = new ArrayList<>();
    for (String l : out.split("\n")) {
      if (!l.isBlank()) {
        lines.add(l);
      }
    }
    return lines;
  }

  private static List<String> words(String line) {
    return List.of(line.trim().split("\\s+"));
  }

  private static String kubectl(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of("/usr/bin/kubectl", "--kubeconfig", kube.kubeconfig().toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
