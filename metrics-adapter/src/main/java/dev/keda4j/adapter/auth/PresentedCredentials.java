package dev.keda4j.adapter.auth;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a request presented.
 *
 * @param clientChain the TLS client chain, leaf first (empty if none)
 * @param headers all values of a header by case-insensitive name
 * @param headerNames the header names present (for the extra-header prefixes)
 */
public record PresentedCredentials(
    List<X509Certificate> clientChain,
    Function<String, List<String>> headers,
    List<String> headerNames) {
  public PresentedCredentials {
    clientChain = List.copyOf(clientChain);
    Objects.requireNonNull(headers, "headers");
    headerNames = List.copyOf(headerNames);
  }

  /** The bearer token of the Authorization header, or null. */
  public String bearerToken() {
    for (String value : headers.apply("Authorization")) {
      String v = value.trim();
      if (v.regionMatches(true, 0, "Bearer ", 0, 7)) {
        String token = v.substring(7).trim();
        if (!token.isEmpty()) {
          return token;
        }
      }
    }
    return null;
  }

  /** Hides the headers: they may carry a token. */
  @Override
  public String toString() {
    return "PresentedCredentials[certificates=" + clientChain.size() + "]";
  }
}
