package dev.keda4j.scalers.azure.common;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import java.time.Duration;

/**
 * The SDK's HTTP client: the JDK one, because azure-core-http-netty would put Netty 4.1 next to
 * Vert.x's Netty 4.2. Every timeout is bounded so that an unreachable endpoint fails the poll.
 */
public final class AzureHttpClients {
  private AzureHttpClients() {}

  /** A client whose connect, write, response and read timeouts are {@code timeout}. */
  public static HttpClient withTimeout(Duration timeout) {
    return new JdkHttpClientBuilder()
        .connectionTimeout(timeout)
        .writeTimeout(timeout)
        .responseTimeout(timeout)
        .readTimeout(timeout)
        .build();
  }
}
