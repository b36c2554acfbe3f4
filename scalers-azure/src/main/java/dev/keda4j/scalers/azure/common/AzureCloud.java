package dev.keda4j.scalers.azure.common;

import java.util.Locale;
import java.util.Map;

/**
 * KEDA's Azure cloud names ({@code pkg/scalers/azure}) and the endpoint suffix each gives a
 * service. Pure lookups: resolving a suffix does no I/O.
 */
public final class AzureCloud {
  /** The cloud name that takes its suffix from {@code endpointSuffix}. */
  public static final String PRIVATE = "private";

  private static final String STACK = "azurestackcloud";

  private static final Map<String, String> SERVICE_BUS =
      Map.of(
          "azurecloud", "servicebus.windows.net",
          "azurepubliccloud", "servicebus.windows.net",
          "azureusgovernment", "servicebus.usgovcloudapi.net",
          "azureusgovernmentcloud", "servicebus.usgovcloudapi.net",
          "azurechinacloud", "servicebus.chinacloudapi.cn",
          "azuregermancloud", "servicebus.cloudapi.de");

  private static final Map<String, String> STORAGE =
      Map.of(
          "azurecloud", "core.windows.net",
          "azurepubliccloud", "core.windows.net",
          "azureusgovernment", "core.usgovcloudapi.net",
          "azureusgovernmentcloud", "core.usgovcloudapi.net",
          "azurechinacloud", "core.chinacloudapi.cn",
          "azuregermancloud", "core.cloudapi.de");

  private AzureCloud() {}

  /**
   * The Service Bus namespace suffix for {@code cloud} ("" ⇒ public cloud).
   *
   * @throws IllegalArgumentException with KEDA's message for an unknown cloud or a Private cloud
   *     without suffix
   */
  public static String serviceBusSuffix(String cloud, String endpointSuffix) {
    return resolve(cloud, endpointSuffix, SERVICE_BUS, "");
  }

  /** The queue endpoint suffix ({@code queue.<storage suffix>}) for {@code cloud}. */
  public static String queueSuffix(String cloud, String endpointSuffix) {
    return resolve(cloud, endpointSuffix, STORAGE, "queue.");
  }

  private static String resolve(
      String cloud, String endpointSuffix, Map<String, String> known, String prefix) {
    String key = cloud == null || cloud.isBlank() ? "azurepubliccloud" : cloud.trim();
    key = key.toLowerCase(Locale.ROOT);
    if (PRIVATE.equals(key)) {
      if (endpointSuffix == null || endpointSuffix.isBlank()) {
        throw new IllegalArgumentException(
            "endpointSuffix must be provided for Private cloud type");
      }
      return endpointSuffix.trim();
    }
    if (STACK.equals(key)) {
      // KEDA reads Azure Stack endpoints from AZURE_ENVIRONMENT_FILEPATH; no such file support
      // here.
      throw new IllegalArgumentException(
          "cloud AzureStackCloud (AZURE_ENVIRONMENT_FILEPATH) is not supported by keda4j yet");
    }
    String suffix = known.get(key);
    if (suffix == null) {
      throw new IllegalArgumentException("invalid cloud environment " + cloud);
    }
    return prefix + suffix;
  }
}
