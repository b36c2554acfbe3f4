package dev.keda4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.controller.k8s.NormalEventBudget;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {

  record Result(int exitCode, String out, String err) {}

  static Result run(String... args) {
    CommandLine cli = Keda4j.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void helpListsEveryCommand() {
    Result result = run("--help");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("run", "version", "scalers", "validate");
  }

  @Test
  void versionNamesTheApiGroup() {
    Result result = run("version");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("keda4j ").contains("keda.sh/v1alpha1");
  }

  @Test
  void unreachableClusterIsOneClearLine(@TempDir Path dir) throws IOException {
    Path kubeconfig = dir.resolve("config");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: nowhere
          cluster: {server: "https://127.0.0.1:1"}
        contexts:
        - name: nowhere
          context: {cluster: nowhere, user: someone}
        current-context: nowhere
        users:
        - name: someone
          user: {token: not-a-real-token}
        """,
        StandardCharsets.UTF_8);

    Result result = run("run", "--kubeconfig", kubeconfig.toString());

    assertThat(result.exitCode()).isEqualTo(OneLineErrors.USER_ERROR);
    assertThat(result.err().strip())
        .startsWith("keda4j: cannot reach the Kubernetes API at https://127.0.0.1:1")
        .contains("Connection refused")
        .doesNotContain("not-a-real-token")
        .doesNotContain("\n");
  }

  @Test
  void missingKubeconfigIsOneClearLine(@TempDir Path dir) {
    Result result = run("run", "--kubeconfig", dir.resolve("absent").toString());

    assertThat(result.exitCode()).isEqualTo(OneLineErrors.USER_ERROR);
    assertThat(result.err().strip())
        .isEqualTo("keda4j: kubeconfig " + dir.resolve("absent") + " does not exist");
  }

  @Test
  void badBindAddressIsRejected() {
    Result result = run("run", "--metrics-bind-address", "localhost:http");

    assertThat(result.exitCode()).isEqualTo(OneLineErrors.USER_ERROR);
    assertThat(result.err()).contains("--metrics-bind-address localhost:http is not an address");
  }

  @Test
  void theNormalEventBudgetDefaultsTo25ThenOneASecondAndZeroTurnsItOff() {
    assertThat(runCommand("run").normalEventBudget()).isEqualTo(NormalEventBudget.DEFAULT);
    NormalEventBudget off =
        runCommand("run", "--normal-event-burst", "0", "--normal-events-per-second", "2.5")
            .normalEventBudget();
    assertThat(off).isEqualTo(new NormalEventBudget(0, 2.5));
    assertThat(off.off()).isTrue();
  }

  @Test
  void aNegativeNormalEventBudgetIsRejected() {
    Result result = run("run", "--normal-event-burst", "-1");

    assertThat(result.exitCode()).isEqualTo(OneLineErrors.USER_ERROR);
    assertThat(result.err()).contains("--normal-event-burst").contains("-1");
  }

  private static RunCommand runCommand(String... args) {
    CommandLine.ParseResult parsed = Keda4j.commandLine().parseArgs(args);
    return (RunCommand) parsed.subcommand().commandSpec().userObject();
  }
}
