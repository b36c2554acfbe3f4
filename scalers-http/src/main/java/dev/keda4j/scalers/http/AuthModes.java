package dev.keda4j.scalers.http;

import static dev.keda4j.scalers.config.Source.AUTH_PARAMS;
import static dev.keda4j.scalers.config.Source.TRIGGER_METADATA;

import dev.keda4j.scalers.config.ConfigError;
import dev.keda4j.scalers.config.ConfigStrings;
import dev.keda4j.scalers.config.Param;
import dev.keda4j.scalers.config.TlsConfig;
import dev.keda4j.scalers.config.ValidatedConfig;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The shared {@code authModes} block (scalers.md §2.5, KEDA's {@code authentication.Config}),
 * nested without {@code @Param} in the configs of HTTP scalers.
 */
public record AuthModes(
    @Param(
            name = "authModes;authMode",
            order = {TRIGGER_METADATA, AUTH_PARAMS},
            optional = true,
            enumValues = {"apiKey", "basic", "tls", "bearer", "custom", "oauth"})
        List<String> modes,
    @Param(
            name = "bearerToken;token",
            order = {AUTH_PARAMS},
            optional = true,
            sensitive = true)
        String bearerToken,
    @Param(name = "username", order = AUTH_PARAMS, optional = true) String username,
    @Param(name = "password", order = AUTH_PARAMS, optional = true, sensitive = true)
        String password,
    @Param(name = "cert", order = AUTH_PARAMS, optional = true) String cert,
    @Param(name = "key", order = AUTH_PARAMS, optional = true, sensitive = true) String key,
    @Param(name = "ca", order = AUTH_PARAMS, optional = true) String ca,
    @Param(name = "oauthTokenURI", order = AUTH_PARAMS, optional = true) String oauthTokenUri,
    @Param(name = "scopes;scope", order = AUTH_PARAMS, optional = true) List<String> scopes,
    @Param(name = "clientID", order = AUTH_PARAMS, optional = true) String clientId,
    @Param(name = "clientSecret", order = AUTH_PARAMS, optional = true, sensitive = true)
        String clientSecret,
    @Param(name = "endpointParams", order = AUTH_PARAMS, optional = true) String endpointParams,
    @Param(name = "customAuthHeader", order = AUTH_PARAMS, optional = true) String customAuthHeader,
    @Param(name = "customAuthValue", order = AUTH_PARAMS, optional = true, sensitive = true)
        String customAuthValue,
    @Param(name = "apiKey", order = AUTH_PARAMS, optional = true, sensitive = true) String apiKey,
    @Param(
            name = "method",
            order = {AUTH_PARAMS, TRIGGER_METADATA},
            defaultValue = "header",
            enumValues = {"header", "query"})
        String method,
    @Param(
            name = "keyParamName",
            order = {AUTH_PARAMS, TRIGGER_METADATA},
            optional = true)
        String keyParamName)
    implements ValidatedConfig {

  private static final Set<AuthMode> EXCLUSIVE =
      EnumSet.of(AuthMode.BEARER, AuthMode.BASIC, AuthMode.OAUTH);

  /** The parsed modes; empty when authentication is off. */
  public Set<AuthMode> enabled() {
    Set<AuthMode> out = EnumSet.noneOf(AuthMode.class);
    for (String m : modes) {
      out.add(AuthMode.fromWireName(m.trim()));
    }
    return out;
  }

  public boolean isEnabled(AuthMode mode) {
    return enabled().contains(mode);
  }

  /**
   * Client TLS for these settings: the CA is trusted whenever given, the client certificate is
   * presented only in {@code tls} mode.
   */
  public TlsConfig tls(boolean unsafeSsl) {
    boolean clientCert = isEnabled(AuthMode.TLS);
    return new TlsConfig(
        true, unsafeSsl, clientCert ? cert : "", clientCert ? key : "", "", ca == null ? "" : ca);
  }

  @Override
  public List<ConfigError> validate() {
    List<ConfigError> errors = new ArrayList<>();
    Set<AuthMode> on = enabled();
    Set<AuthMode> exclusive = EnumSet.copyOf(EXCLUSIVE);
    exclusive.retainAll(on);
    if (exclusive.size() > 1) {
      errors.add(
          new ConfigError(
              "authModes",
              "parameter \"authModes\" value \""
                  + String.join(",", modes)
                  + "\" must contain only one of [bearer basic oauth]"));
    }
    if (on.contains(AuthMode.BEARER) && bearerToken.isEmpty()) {
      errors.add(err("bearer token is required when bearer auth is enabled"));
    }
    if (on.contains(AuthMode.BASIC) && username.isEmpty()) {
      errors.add(err("username is required when basic auth is enabled"));
    }
    if (on.contains(AuthMode.TLS) && (cert.isEmpty() || key.isEmpty())) {
      errors.add(err("cert and key are required when tls auth is enabled"));
    }
    if (on.contains(AuthMode.OAUTH) && (oauthTokenUri.isEmpty() || clientId.isEmpty())) {
      errors.add(err("oauthTokenURI and clientID are required when oauth is enabled"));
    }
    if (on.contains(AuthMode.CUSTOM) && (customAuthHeader.isEmpty() || customAuthValue.isEmpty())) {
      errors.add(
          err("customAuthHeader and customAuthValue are required when custom auth is enabled"));
    }
    if (on.contains(AuthMode.API_KEY) && apiKey.isEmpty()) {
      errors.add(err("apiKey is required when apiKey auth is enabled"));
    }
    return errors;
  }

  private static ConfigError err(String reason) {
    return new ConfigError("authModes", reason);
  }

  @Override
  public String toString() {
    return ConfigStrings.describe(this);
  }
}
