package dev.keda4j.scalers.azure.servicebus;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.util.UrlBuilder;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Sends Service Bus management requests to another base URL (a Service Bus emulator, a local
 * proxy): the one endpoint override keda4j offers. The admin client signs for the namespace of the
 * connection string and its {@code endpoint()} setting drops the port, so this policy rewrites
 * scheme, host and port of each request after it was signed; path and query stay.
 *
 * <p>Set with the system property {@value #PROPERTY} or the environment variable {@value #ENV},
 * e.g. {@code https://127.0.0.1:5300}. Unset in normal operation.
 */
public final class ManagementEndpointOverride implements HttpPipelinePolicy {
  public static final String PROPERTY = "keda4j.azure.servicebus.managementEndpoint";
  public static final String ENV = "KEDA4J_AZURE_SERVICEBUS_MANAGEMENT_ENDPOINT";

  private final URI target;

  private ManagementEndpointOverride(URI target) {
    this.target = target;
  }

  /** The override configured in the system property or else the environment, if any. */
  public static Optional<URI> configured() {
    return parse(System.getProperty(PROPERTY), System.getenv(ENV));
  }

  /** The override from the property value, else the environment value; blank means none. */
  static Optional<URI> parse(String property, String env) {
    String v = property == null || property.isBlank() ? env : property;
    if (v == null || v.isBlank()) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(v.trim());
    } catch (URISyntaxException e) {
      uri = null;
    }
    if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
      throw new IllegalArgumentException(
          PROPERTY + " must be an absolute URL like https://127.0.0.1:5300, got " + v);
    }
    return Optional.of(uri);
  }

  /** The policy for {@code target}. */
  public static ManagementEndpointOverride to(URI target) {
    return new ManagementEndpointOverride(target);
  }

  @Override
  public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
    UrlBuilder url = UrlBuilder.parse(context.getHttpRequest().getUrl());
    url.setScheme(target.getScheme()).setHost(target.getHost());
    url.setPort(target.getPort() < 0 ? null : Integer.toString(target.getPort()));
    context.getHttpRequest().setUrl(url.toString());
    return next.process();
  }

  @Override
  public HttpPipelinePosition getPipelinePosition() {
    return HttpPipelinePosition.PER_RETRY;
  }

  @Override
  public String toString() {
    return "ManagementEndpointOverride[" + target + "]";
  }
}
