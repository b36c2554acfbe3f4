package dev.keda4j.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class LeaderElectionOptionsTest {

  @ParameterizedTest
  @CsvSource({
    "15s, 15000",
    "1.5s, 1500",
    "300ms, 300",
    "1m30s, 90000",
    "2h, 7200000",
    "0, 0",
    ".5s, 500"
  })
  void goDurations(String text, long millis) {
    assertThat(GoDuration.parse("--lease-duration", text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @CsvSource({"15", "s", "15 s", "-1s", "1d", "''"})
  void notDurations(String text) {
    assertThatThrownBy(() -> GoDuration.parse("--lease-duration", text))
        .isInstanceOf(UserFacingException.class)
        .hasMessageContaining("--lease-duration");
  }

  private static LeaderElectionOptions parse(String... args) {
    RunCommand command = new RunCommand();
    new CommandLine(command).parseArgs(args);
    return command.leaderElection();
  }

  @Test
  void flagsOverrideKedasDefaults() {
    LeaderElectionOptions options =
        parse(
            "--leader-elect",
            "--leader-election-id=my-lease",
            "--leader-election-namespace=ops",
            "--lease-duration=2s",
            "--renew-deadline=1500ms",
            "--retry-period=300ms");
    assertThat(options)
        .isEqualTo(
            new LeaderElectionOptions(
                true,
                "my-lease",
                "ops",
                Duration.ofSeconds(2),
                Duration.ofMillis(1500),
                Duration.ofMillis(300)));
  }

  @Test
  void defaultsAreKedasTimingsAndTheKeda4jLease() {
    LeaderElectionOptions options = parse("--leader-election-namespace=ops");
    if (System.getenv("KEDA4J_LEADER_ELECT") == null
        && System.getenv("KEDA_OPERATOR_LEADER_ELECTION_LEASE_DURATION") == null) {
      assertThat(options.enabled()).isTrue();
      assertThat(options.id()).isEqualTo("keda4j-operator");
      assertThat(options.leaseDuration()).isEqualTo(Duration.ofSeconds(15));
      assertThat(options.renewDeadline()).isEqualTo(Duration.ofSeconds(10));
      assertThat(options.retryPeriod()).isEqualTo(Duration.ofSeconds(2));
    }
    assertThat(options.namespace()).isEqualTo("ops");
  }

  @Test
  void leaderElectFalseDisablesIt() {
    assertThat(parse("--leader-elect=false").enabled()).isFalse();
  }

  @Test
  void inconsistentTimingsAreRefused() {
    assertThatThrownBy(() -> parse("--leader-elect", "--lease-duration=5s", "--renew-deadline=5s"))
        .isInstanceOf(UserFacingException.class)
        .hasMessageContaining("--lease-duration must be longer than --renew-deadline");
    assertThatThrownBy(() -> parse("--leader-elect", "--renew-deadline=2s", "--retry-period=2s"))
        .isInstanceOf(UserFacingException.class)
        .hasMessageContaining("--renew-deadline must be longer than --retry-period");
  }

  @Test
  void namespaceFallsBackToTheServiceAccountThenKeda(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("namespace");
    assertThat(LeaderElectionOptions.defaultNamespace(null, file)).isEqualTo("keda");
    Files.writeString(file, "platform\n");
    assertThat(LeaderElectionOptions.defaultNamespace(null, file)).isEqualTo("platform");
    assertThat(LeaderElectionOptions.defaultNamespace("mine", file)).isEqualTo("mine");
  }
}
