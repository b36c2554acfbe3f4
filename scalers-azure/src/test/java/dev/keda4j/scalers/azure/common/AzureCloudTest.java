package dev.keda4j.scalers.azure.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cloud names (case-insensitive) to Service Bus and queue suffixes, KEDA's messages on errors. */
class AzureCloudTest {
  static Stream<Arguments> known() {
    return Stream.of(
        Arguments.of("", "", "servicebus.windows.net", "queue.core.windows.net"),
        Arguments.of("AzureCloud", "", "servicebus.windows.net", "queue.core.windows.net"),
        Arguments.of("azurepubliccloud", "", "servicebus.windows.net", "queue.core.windows.net"),
        Arguments.of(
            "AzureUSGovernmentCloud",
            "",
            "servicebus.usgovcloudapi.net",
            "queue.core.usgovcloudapi.net"),
        Arguments.of(
            "AzureUSGovernment",
            "",
            "servicebus.usgovcloudapi.net",
            "queue.core.usgovcloudapi.net"),
        Arguments.of(
            "AzureChinaCloud", "", "servicebus.chinacloudapi.cn", "queue.core.chinacloudapi.cn"),
        Arguments.of("AzureGermanCloud", "", "servicebus.cloudapi.de", "queue.core.cloudapi.de"),
        Arguments.of("Private", "sb.example.org", "sb.example.org", "sb.example.org"),
        Arguments.of("private", " q.example.org ", "q.example.org", "q.example.org"));
  }

  @ParameterizedTest(name = "cloud [{0}]")
  @MethodSource("known")
  void suffixes(String cloud, String endpointSuffix, String serviceBus, String queue) {
    assertThat(AzureCloud.serviceBusSuffix(cloud, endpointSuffix)).isEqualTo(serviceBus);
    assertThat(AzureCloud.queueSuffix(cloud, endpointSuffix)).isEqualTo(queue);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("Mars", "", "invalid cloud environment Mars"),
        Arguments.of("Private", "", "endpointSuffix must be provided for Private cloud type"),
        Arguments.of(
            "AzureStackCloud",
            "",
            "cloud AzureStackCloud (AZURE_ENVIRONMENT_FILEPATH) is not supported by keda4j yet"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void errors(String cloud, String endpointSuffix, String message) {
    assertThatThrownBy(() -> AzureCloud.serviceBusSuffix(cloud, endpointSuffix))
        .hasMessage(message);
    assertThatThrownBy(() -> AzureCloud.queueSuffix(cloud, endpointSuffix)).hasMessage(message);
  }
}
