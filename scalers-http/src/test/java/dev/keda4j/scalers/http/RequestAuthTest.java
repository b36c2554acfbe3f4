package dev.keda4j.scalers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keda4j.scalers.config.ConfigBinder;
import dev.keda4j.scalers.config.ConfigException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestAuthTest {
  private static final Set<AuthMode> ALL = EnumSet.allOf(AuthMode.class);

  static AuthModes bind(Map<String, String> metadata, Map<String, String> auth)
      throws ConfigException {
    return ConfigBinder.bind(AuthModes.class, "metrics-api", "", metadata, Map.of(), auth).config();
  }

  static Stream<Arguments> requests() {
    return Stream.of(
        Arguments.of("no modes", Map.of(), Map.of("bearerToken", "t"), Map.of(), Map.of()),
        Arguments.of(
            "bearer",
            Map.of("authModes", "bearer"),
            Map.of("bearerToken", "tok"),
            Map.of("Authorization", "Bearer tok"),
            Map.of()),
        Arguments.of(
            "bearer alias token",
            Map.of("authMode", "bearer"),
            Map.of("token", "tok"),
            Map.of("Authorization", "Bearer tok"),
            Map.of()),
        Arguments.of(
            "basic",
            Map.of("authModes", "basic"),
            Map.of("username", "u", "password", "p"),
            Map.of("Authorization", "Basic dTpw"),
            Map.of()),
        Arguments.of(
            "basic without password",
            Map.of("authModes", "basic"),
            Map.of("username", "u"),
            Map.of("Authorization", "Basic dTo="),
            Map.of()),
        Arguments.of(
            "custom",
            Map.of("authModes", "custom"),
            Map.of("customAuthHeader", "X-Org", "customAuthValue", "v1"),
            Map.of("X-Org", "v1"),
            Map.of()),
        Arguments.of(
            "apiKey default header",
            Map.of("authModes", "apiKey"),
            Map.of("apiKey", "k"),
            Map.of("X-API-KEY", "k"),
            Map.of()),
        Arguments.of(
            "apiKey named header",
            Map.of("authModes", "apiKey", "keyParamName", "X-Key"),
            Map.of("apiKey", "k"),
            Map.of("X-Key", "k"),
            Map.of()),
        Arguments.of(
            "apiKey default query",
            Map.of("authModes", "apiKey", "method", "query"),
            Map.of("apiKey", "k"),
            Map.of(),
            Map.of("api_key", "k")),
        Arguments.of(
            "apiKey named query",
            Map.of("authModes", "apiKey"),
            Map.of("apiKey", "k", "method", "query", "keyParamName", "key"),
            Map.of(),
            Map.of("key", "k")),
        Arguments.of(
            "modes from authParams",
            Map.of(),
            Map.of("authModes", "bearer", "bearerToken", "b"),
            Map.of("Authorization", "Bearer b"),
            Map.of()),
        Arguments.of(
            "tls adds nothing to the request",
            Map.of("authModes", "tls"),
            Map.of("cert", "C", "key", "K"),
            Map.of(),
            Map.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void buildsHeadersAndQuery(
      String name,
      Map<String, String> metadata,
      Map<String, String> auth,
      Map<String, String> headers,
      Map<String, String> query)
      throws ConfigException {
    RequestAuth r = RequestAuth.of(bind(metadata, auth), ALL);
    assertThat(r.headers()).isEqualTo(headers);
    assertThat(r.queryParams()).isEqualTo(query);
  }

  @Test
  void appliesOnlyTheScalersModes() throws ConfigException {
    AuthModes a =
        bind(Map.of("authModes", "apiKey,bearer"), Map.of("apiKey", "k", "bearerToken", "b"));
    RequestAuth r = RequestAuth.of(a, EnumSet.of(AuthMode.BEARER));
    assertThat(r.headers()).containsOnlyKeys("Authorization");
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(
            "bearer without token",
            "bearer",
            Map.of(),
            "bearer token is required when bearer auth is enabled"),
        Arguments.of(
            "basic without username",
            "basic",
            Map.of("password", "p"),
            "username is required when basic auth is enabled"),
        Arguments.of(
            "tls without key",
            "tls",
            Map.of("cert", "c"),
            "cert and key are required when tls auth is enabled"),
        Arguments.of(
            "oauth without client",
            "oauth",
            Map.of("oauthTokenURI", "http://t"),
            "oauthTokenURI and clientID are required when oauth is enabled"),
        Arguments.of(
            "custom without value",
            "custom",
            Map.of("customAuthHeader", "X"),
            "customAuthHeader and customAuthValue are required when custom auth is enabled"),
        Arguments.of(
            "apiKey without key",
            "apiKey",
            Map.of(),
            "apiKey is required when apiKey auth is enabled"),
        Arguments.of(
            "unknown mode",
            "digest",
            Map.of(),
            "parameter \"authModes\" value \"digest\" must be one of [apiKey basic tls bearer custom oauth]"),
        Arguments.of(
            "bearer and basic",
            "bearer,basic",
            Map.of("bearerToken", "t", "username", "u"),
            "must contain only one of [bearer basic oauth]"),
        Arguments.of(
            "bad method",
            "apiKey",
            Map.of("apiKey", "k", "method", "cookie"),
            "parameter \"method\" value \"cookie\" must be one of [header query]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void validates(String name, String modes, Map<String, String> auth, String message) {
    assertThatThrownBy(() -> bind(Map.of("authModes", modes), auth))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(message);
  }

  @Test
  void secretsNeverPrinted() throws ConfigException {
    Map<String, String> auth = new HashMap<>();
    auth.put("bearerToken", "s3cr3t-token");
    auth.put("password", "s3cr3t-pass");
    auth.put("username", "bob");
    auth.put("apiKey", "s3cr3t-key");
    auth.put("customAuthValue", "s3cr3t-custom");
    auth.put("key", "s3cr3t-pem");
    auth.put("clientSecret", "s3cr3t-client");
    AuthModes a = bind(Map.of("authModes", "bearer,apiKey,custom"), withHeader(auth));
    RequestAuth r = RequestAuth.of(a, ALL);
    assertThat(a.toString()).doesNotContain("s3cr3t");
    assertThat(r.toString()).doesNotContain("s3cr3t");
    assertThat(a.tls(false).toString()).doesNotContain("s3cr3t");
    assertThat(Redaction.redact("GET /x?api_key=s3cr3t-key failed", r.secrets()))
        .isEqualTo("GET /x?api_key=<redacted> failed");
  }

  @Test
  void sensitiveValueNotInBindingErrors() {
    assertThatThrownBy(
            () -> bind(Map.of("authModes", "bearer,basic"), Map.of("bearerToken", "s3cr3t")))
        .hasMessageNotContaining("s3cr3t");
  }

  @Test
  void tlsPresentsClientCertOnlyInTlsMode() throws ConfigException {
    Map<String, String> pem = Map.of("cert", "C", "key", "K", "ca", "A");
    assertThat(bind(Map.of("authModes", "tls"), pem).tls(true).hasClientCert()).isTrue();
    AuthModes none = bind(Map.of(), pem);
    assertThat(none.tls(false).hasClientCert()).isFalse();
    assertThat(none.tls(false).ca()).isEqualTo("A");
  }

  private static Map<String, String> withHeader(Map<String, String> auth) {
    Map<String, String> m = new HashMap<>(auth);
    m.put("customAuthHeader", "X-Custom");
    return m;
  }
}
