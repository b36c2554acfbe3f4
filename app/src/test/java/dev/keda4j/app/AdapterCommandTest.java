package dev.keda4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.adapter.channel.LeaderLocator;
import dev.keda4j.testkit.kube.KubeApi;
import io.kubernetes.client.openapi.apis.CoordinationV1Api;
import io.kubernetes.client.openapi.models.V1Lease;
import io.kubernetes.client.openapi.models.V1LeaseSpec;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code keda4j adapter}: its flags, and finding the leader from the Lease. */
class AdapterCommandTest {
  @RegisterExtension static KubeApi kube = KubeApi.create();
  private static final ExecutorService BLOCKING = Executors.newSingleThreadExecutor();

  @AfterAll
  static void stop() {
    BLOCKING.shutdownNow();
  }

  private static Optional<String> leader(String leaseName) throws Exception {
    LeaderLocator locator =
        AdapterCommand.leaseHolder(kube.apiClient(), BLOCKING, kube.namespace(), leaseName);
    return locator.leader().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static void lease(String name, String holder) throws Exception {
    new CoordinationV1Api(kube.apiClient())
        .createNamespacedLease(
            kube.namespace(),
            new V1Lease()
                .metadata(new V1ObjectMeta().name(name).namespace(kube.namespace()))
                .spec(new V1LeaseSpec().holderIdentity(holder).leaseDurationSeconds(15)))
        .execute();
  }

  @Test
  void theLeaderIsThePodIpOfTheLeaseHolder() throws Exception {
    lease("keda4j-operator", "keda4j-operator-7d9f-x2x_10.244.1.17");
    assertThat(leader("keda4j-operator")).hasValue("10.244.1.17");
  }

  @Test
  void noLeaderWhenTheLeaseIsMissingUnheldOrForeign() throws Exception {
    assertThat(leader("absent")).isEmpty();
    lease("unheld", null);
    assertThat(leader("unheld")).isEmpty();
    lease("foreign", "some-uuid-without-ip");
    assertThat(leader("foreign")).isEmpty();
  }

  @Test
  void helpListsTheAdapterFlagsTheChartUses() {
    CliTest.Result result = CliTest.run("adapter", "--help");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains(
            "--secure-port",
            "--cert-dir",
            "--channel-cert-dir",
            "--leader-election-namespace",
            "--leader-election-id",
            "--kubeconfig",
            "--log-level",
            "--metrics-bind-address",
            "--health-probe-bind-address");
  }

  @Test
  void missingChannelCertificatesAreOneClearError(@org.junit.jupiter.api.io.TempDir Path dir) {
    CliTest.Result result =
        CliTest.run("adapter", "--channel-cert-dir", dir.toString(), "--kubeconfig", "/nowhere");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.err()).contains("--channel-cert-dir").contains("ca.crt");
  }

  @Test
  void runSettingsComeFromTheEnvironment() {
    AdapterStarter.Settings defaults = AdapterStarter.Settings.fromEnvironment(Map.of());
    assertThat(defaults.serveMetricsApi()).isTrue();
    assertThat(defaults.channelPort()).isEqualTo(9666);
    assertThat(defaults.channelCertDir()).isEqualTo(Path.of("/channel-certs"));

    AdapterStarter.Settings off =
        AdapterStarter.Settings.fromEnvironment(
            Map.of(
                "KEDA4J_SERVE_METRICS_API", "false",
                "KEDA4J_METRICS_CHANNEL_PORT", "0",
                "KEDA4J_CHANNEL_CERT_DIR", "/x"));
    assertThat(off.serveMetricsApi()).isFalse();
    assertThat(off.channelPort()).isZero();
    assertThat(off.channelCertDir()).isEqualTo(Path.of("/x"));
  }
}
