package dev.keda4j.scalers.http;

import dev.keda4j.scalers.config.ConfigStrings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the auth modes add to each request: headers and query parameters. Their values are secrets,
 * so {@link #toString()} prints names only and {@link #secrets()} feeds error redaction.
 *
 * @param headers request headers to set
 * @param queryParams query parameters to add
 */
public record RequestAuth(Map<String, String> headers, Map<String, String> queryParams) {
  static final String DEFAULT_API_KEY_HEADER = "X-API-KEY";
  static final String DEFAULT_API_KEY_QUERY = "api_key";

  public static final RequestAuth NONE = new RequestAuth(Map.of(), Map.of());

  public RequestAuth {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    queryParams = Collections.unmodifiableMap(new LinkedHashMap<>(queryParams));
  }

  /**
   * The headers and query parameters of the enabled modes among {@code applied} (each scaler
   * applies its own subset, like KEDA).
   */
  public static RequestAuth of(AuthModes auth, Set<AuthMode> applied) {
    Map<String, String> headers = new LinkedHashMap<>();
    Map<String, String> query = new LinkedHashMap<>();
    Set<AuthMode> on = auth.enabled();
    on.retainAll(applied);
    if (on.contains(AuthMode.API_KEY)) {
      boolean inQuery = "query".equals(auth.method());
      String name = auth.keyParamName();
      if (inQuery) {
        query.put(name.isEmpty() ? DEFAULT_API_KEY_QUERY : name, auth.apiKey());
      } else {
        headers.put(name.isEmpty() ? DEFAULT_API_KEY_HEADER : name, auth.apiKey());
      }
    }
    if (on.contains(AuthMode.BASIC)) {
      headers.put("Authorization", basic(auth.username(), auth.password()));
    }
    if (on.contains(AuthMode.BEARER)) {
      headers.put("Authorization", "Bearer " + auth.bearerToken());
    }
    if (on.contains(AuthMode.CUSTOM)) {
      headers.put(auth.customAuthHeader(), auth.customAuthValue());
    }
    return new RequestAuth(headers, query);
  }

  /** RFC 7617 credentials, like Go's {@code req.SetBasicAuth}. */
  static String basic(String username, String password) {
    String pair = username + ":" + password;
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  /** Every secret value sent, for redacting error messages. */
  public List<String> secrets() {
    List<String> out = new ArrayList<>(headers.values());
    out.addAll(queryParams.values());
    return out;
  }

  @Override
  public String toString() {
    return "RequestAuth[headers="
        + headers.keySet()
        + ", queryParams="
        + queryParams.keySet()
        + ", values="
        + ConfigStrings.mask(String.join("", secrets()))
        + "]";
  }
}
