package dev.keda4j.scalers.rabbitmq;

import static dev.keda4j.scalers.config.Source.AUTH_PARAMS;
import static dev.keda4j.scalers.config.Source.RESOLVED_ENV;

import dev.keda4j.scalers.config.ConfigError;
import dev.keda4j.scalers.config.ConfigStrings;
import dev.keda4j.scalers.config.Param;
import dev.keda4j.scalers.config.ValidatedConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The TriggerAuthentication side of {@code rabbitmq} (scalers.md §3.6).
 *
 * @param username overrides the URL's user (together with {@code password})
 * @param password overrides the URL's password — secret
 * @param tls {@code enable} or {@code disable}
 * @param ca CA PEM
 * @param cert client certificate PEM
 * @param key client key PEM — secret
 * @param keyPassword password of an encrypted client key — secret
 * @param workloadIdentityResource Azure AD resource for a bearer token (HTTP only)
 * @param oauthTokenUri OAuth2 token endpoint (client credentials, HTTP only)
 * @param clientId OAuth2 client id
 * @param clientSecret OAuth2 client secret — secret
 * @param scopes OAuth2 scopes
 * @param endpointParams extra token request parameters (query-string syntax)
 */
public record RabbitMqAuthParams(
    @Param(
            name = "username",
            order = {AUTH_PARAMS, RESOLVED_ENV},
            optional = true)
        String username,
    @Param(
            name = "password",
            order = {AUTH_PARAMS, RESOLVED_ENV},
            optional = true,
            sensitive = true)
        String password,
    @Param(
            name = "tls",
            order = AUTH_PARAMS,
            defaultValue = "disable",
            enumValues = {"enable", "disable"})
        String tls,
    @Param(name = "ca", order = AUTH_PARAMS, optional = true) String ca,
    @Param(name = "cert", order = AUTH_PARAMS, optional = true) String cert,
    @Param(name = "key", order = AUTH_PARAMS, optional = true, sensitive = true) String key,
    @Param(name = "keyPassword", order = AUTH_PARAMS, optional = true, sensitive = true)
        String keyPassword,
    @Param(name = "workloadIdentityResource", order = AUTH_PARAMS, optional = true)
        String workloadIdentityResource,
    @Param(name = "oauthTokenURI", order = AUTH_PARAMS, optional = true) String oauthTokenUri,
    @Param(name = "clientID", order = AUTH_PARAMS, optional = true) String clientId,
    @Param(name = "clientSecret", order = AUTH_PARAMS, optional = true, sensitive = true)
        String clientSecret,
    @Param(name = "scopes", order = AUTH_PARAMS, optional = true) List<String> scopes,
    @Param(name = "endpointParams", order = AUTH_PARAMS, optional = true) String endpointParams)
    implements ValidatedConfig {

  @Override
  public List<ConfigError> validate() {
    List<ConfigError> errors = new ArrayList<>();
    if (username.isEmpty() != password.isEmpty()) {
      errors.add(new ConfigError("username", "username and password must be given together"));
    }
    if (cert.isEmpty() != key.isEmpty()) {
      errors.add(new ConfigError("cert", "both key and cert must be provided"));
    }
    if (!keyPassword.isEmpty()) {
      // The JDK reads unencrypted PKCS#8 keys only; refusing beats silently ignoring it.
      errors.add(
          new ConfigError(
              "keyPassword", "keyPassword (encrypted client key) is not supported by keda4j yet"));
    }
    boolean oauth = !oauthTokenUri.isEmpty() || !clientId.isEmpty() || !clientSecret.isEmpty();
    if (oauth && (oauthTokenUri.isEmpty() || clientId.isEmpty() || clientSecret.isEmpty())) {
      errors.add(
          new ConfigError(
              "oauthTokenURI", "oauthTokenURI, clientID and clientSecret must be given together"));
    } else if (oauth && (!username.isEmpty() || !workloadIdentityResource.isEmpty())) {
      errors.add(
          new ConfigError(
              "oauthTokenURI",
              "OAuth2 cannot be combined with username/password or workload identity"));
    }
    return errors;
  }

  /** OAuth2 client credentials are configured. */
  boolean oauth() {
    return !oauthTokenUri.isEmpty() || !clientId.isEmpty() || !clientSecret.isEmpty();
  }

  boolean tlsEnabled() {
    return "enable".equals(tls);
  }

  boolean hasCredentials() {
    return !username.isEmpty() && !password.isEmpty();
  }

  @Override
  public String toString() {
    return ConfigStrings.describe(this);
  }
}
