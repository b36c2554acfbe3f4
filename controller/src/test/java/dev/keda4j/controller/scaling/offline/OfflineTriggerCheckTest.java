package dev.keda4j.controller.scaling.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.api.crd.RepoPaths;
import dev.keda4j.api.manifest.ManifestValidator;
import dev.keda4j.controller.scaling.offline.OfflineProblem.Severity;
import dev.keda4j.scalers.spi.ScalerRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineTriggerCheckTest {
  private static final Path EXAMPLES = RepoPaths.examples();
  private static final Path REDIS = EXAMPLES.resolve("redis-scaledjob.yaml");
  private static final Path AZURE_QUEUE = EXAMPLES.resolve("azure-queue-scaledjob.yaml");
  private static final String PASSWORD = "redis-Pa55word-xyz";
  private static final ScalerRegistry REGISTRY = ScalerRegistry.load();

  @TempDir Path tmp;

  private static List<OfflineProblem> check(Path... files) {
    List<Path> list = List.of(files);
    return new OfflineTriggerCheck().check(new ManifestValidator().validate(list), REGISTRY, list);
  }

  private Path write(String name, String yaml) throws IOException {
    return Files.writeString(tmp.resolve(name), yaml, StandardCharsets.UTF_8);
  }

  private static List<String> lines(List<OfflineProblem> problems) {
    return problems.stream().map(OfflineProblem::prefixedLine).toList();
  }

  @Test
  void redisExampleAloneOnlyWarnsAboutTheSecretThatIsNotInTheFiles() {
    List<OfflineProblem> problems = check(REDIS);

    String prefix = REDIS + ": ScaledJob default/redis-runner-job: spec.triggers[0] (redis): ";
    assertThat(lines(problems))
        .containsExactly(
            "WARN "
                + prefix
                + "hostFromEnv: env var REDIS_HOST of container redis-runner-dummy comes from"
                + " Secret default/redis-runner, which is not in the given files",
            "WARN "
                + prefix
                + "passwordFromEnv: env var REDIS_PASSWORD of container redis-runner-dummy comes"
                + " from Secret default/redis-runner, which is not in the given files",
            "WARN "
                + prefix
                + "portFromEnv: env var REDIS_PORT of container redis-runner-dummy comes from"
                + " Secret default/redis-runner, which is not in the given files");
    assertThat(OfflineTriggerCheck.hasErrors(problems)).isFalse();
  }

  @Test
  void redisExampleWithItsSecretHasNoProblems() throws IOException {
    Path secret =
        write(
            "secret.yaml",
            """
            apiVersion: v1
            kind: Secret
            metadata:
              name: redis-runner
            stringData:
              REDIS_HOST: redis.default.svc
              REDIS_PORT: "6379"
              REDIS_PASSWORD: %s
            """
                .formatted(PASSWORD));

    assertThat(check(REDIS, secret)).isEmpty();
  }

  @Test
  void aBadPortFromTheSecretIsAnErrorWithoutTheValue() throws IOException {
    Path secret =
        write(
            "secret.yaml",
            """
            apiVersion: v1
            kind: Secret
            metadata:
              name: redis-runner
            stringData:
              REDIS_HOST: redis.default.svc
              REDIS_PORT: "6379"
              REDIS_PASSWORD: %s
            """
                .formatted(PASSWORD));
    Path job = write("job.yaml", redisJob("listName: usertask\n      databaseIndex: \"x\""));

    List<OfflineProblem> problems = check(job, secret);

    assertThat(problems).extracting(OfflineProblem::severity).containsOnly(Severity.ERROR);
    assertThat(lines(problems)).singleElement().asString().contains("databaseIndex");
    assertThat(String.join("\n", lines(problems))).doesNotContain(PASSWORD);
  }

  @Test
  void missingListNameIsAnErrorNamingFileObjectAndParameter() throws IOException {
    Path job = write("job.yaml", redisJob("listLength: \"1\""));

    List<OfflineProblem> problems = check(job);

    assertThat(lines(problems))
        .contains(
            "ERROR "
                + job
                + ": ScaledJob default/redis-runner-job: spec.triggers[0] (redis): missing"
                + " required parameter \"listName\" in [triggerMetadata]");
    assertThat(problems)
        .filteredOn(OfflineProblem::isError)
        .singleElement()
        .extracting(OfflineProblem::message)
        .asString()
        .contains("listName");
    assertThat(OfflineTriggerCheck.hasErrors(problems)).isTrue();
  }

  @Test
  void azureQueueExampleResolvesItsAuthAndIsNotSupportedYet() {
    List<OfflineProblem> problems = check(AZURE_QUEUE);

    assertThat(lines(problems))
        .containsExactly(
            "WARN "
                + AZURE_QUEUE
                + ": ScaledJob keda-jobs/printmessage-job: spec.triggers[0] (azure-queue): trigger"
                + " type azure-queue is not supported by this build yet; its parameters were not"
                + " checked");
  }

  @Test
  void azureQueueWithoutItsSecretWarnsAboutTheReference() throws IOException {
    String yaml = Files.readString(AZURE_QUEUE, StandardCharsets.UTF_8);
    Path noSecret = write("aq.yaml", yaml.substring(yaml.indexOf("---") + 3));

    List<OfflineProblem> problems = check(noSecret);

    assertThat(problems).extracting(OfflineProblem::severity).containsOnly(Severity.WARN);
    assertThat(lines(problems))
        .anySatisfy(
            l ->
                assertThat(l)
                    .endsWith(
                        "authenticationRef (TriggerAuthentication queue-auth): secretTargetRef[0]:"
                            + " Secret keda-jobs/queue-secret is not in the given files"));
  }

  @Test
  void unknownTypeIsAnError() throws IOException {
    Path job =
        write("job.yaml", redisJob("listName: usertask").replace("type: redis", "type: redsi"));

    List<OfflineProblem> problems = check(job);

    assertThat(lines(problems))
        .containsExactly(
            "ERROR "
                + job
                + ": ScaledJob default/redis-runner-job: spec.triggers[0] (redsi): no scaler found"
                + " for type: redsi");
  }

  @Test
  void missingTriggerAuthenticationIsAWarningAndHidesMissingParameterErrors() throws IOException {
    Path job =
        write(
            "job.yaml",
            redisJob("listName: usertask\n    authenticationRef:\n      name: redis-auth"));

    List<OfflineProblem> problems = check(job);

    assertThat(problems).noneMatch(OfflineProblem::isError);
    assertThat(lines(problems))
        .anySatisfy(
            l ->
                assertThat(l)
                    .endsWith(
                        "authenticationRef: TriggerAuthentication default/redis-auth is not in the"
                            + " given files"));
  }

  @Test
  void scaledObjectWithoutItsTargetReportsFromEnvAsUnresolved() throws IOException {
    Path so = write("so.yaml", redisScaledObject());

    List<OfflineProblem> problems = check(so);

    assertThat(lines(problems))
        .containsExactly(
            "WARN "
                + so
                + ": ScaledObject apps/worker: spec.triggers[0] (redis): hostFromEnv: env var"
                + " REDIS_HOST cannot be checked: scale target Deployment apps/worker is not in the"
                + " given files");
  }

  @Test
  void scaledObjectWithItsDeploymentResolvesEnvAndReportsUnknownKeys() throws IOException {
    Path so =
        write(
            "so.yaml",
            redisScaledObject().replace("listName: jobs", "listName: jobs\n      bogus: \"1\"")
                + """
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: worker
                  namespace: apps
                spec:
                  selector: {matchLabels: {app: worker}}
                  template:
                    metadata: {labels: {app: worker}}
                    spec:
                      containers:
                      - name: worker
                        image: busybox
                        env:
                        - {name: REDIS_HOST, value: redis.apps.svc}
                """);

    List<OfflineProblem> problems = check(so);

    assertThat(problems).noneMatch(OfflineProblem::isError);
    assertThat(lines(problems))
        .singleElement()
        .asString()
        .startsWith("WARN ")
        .contains("Unmatched input property bogus in scaler redis");
  }

  @Test
  void secretsFromTheFilesNeverAppearInFindings() throws IOException {
    Path file =
        write(
            "all.yaml",
            """
            apiVersion: v1
            kind: Secret
            metadata:
              name: redis-runner
            stringData:
              REDIS_PASSWORD: %1$s
              REDIS_USER: %1$s
            ---
            apiVersion: keda.sh/v1alpha1
            kind: TriggerAuthentication
            metadata:
              name: redis-auth
            spec:
              secretTargetRef:
              - {parameter: password, name: redis-runner, key: REDIS_PASSWORD}
              - {parameter: username, name: redis-runner, key: NO_SUCH_KEY}
              - {parameter: tls, name: redis-runner, key: REDIS_USER}
            ---
            """
                    .formatted(PASSWORD)
                + redisJob(
                    "listName: l\n      databaseIndex: x\n      usernameFromEnv: REDIS_HOST\n"
                        + "    authenticationRef:\n      name: redis-auth"));

    List<OfflineProblem> problems = check(file);

    assertThat(lines(problems))
        .hasSize(3)
        .allSatisfy(l -> assertThat(l).startsWith("ERROR ").doesNotContain(PASSWORD))
        .anySatisfy(l -> assertThat(l).contains("TLS value given, got <redacted>"))
        .anySatisfy(l -> assertThat(l).contains("key \"NO_SUCH_KEY\" not found in Secret"))
        .anySatisfy(l -> assertThat(l).contains("databaseIndex"));
  }

  private static String redisJob(String metadata) {
    return """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledJob
        metadata:
          name: redis-runner-job
        spec:
          jobTargetRef:
            template:
              spec:
                restartPolicy: Never
                containers:
                - name: runner
                  image: busybox
                  env:
                  - {name: REDIS_HOST, value: redis}
                  - {name: REDIS_PORT, value: "6379"}
          triggers:
          - type: redis
            metadata:
              hostFromEnv: REDIS_HOST
              portFromEnv: REDIS_PORT
              %s
        """
        .formatted(metadata);
  }

  private static String redisScaledObject() {
    return """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata:
          name: worker
          namespace: apps
        spec:
          scaleTargetRef:
            name: worker
          triggers:
          - type: redis
            metadata:
              port: "6379"
              hostFromEnv: REDIS_HOST
              listName: jobs
        """;
  }
}
