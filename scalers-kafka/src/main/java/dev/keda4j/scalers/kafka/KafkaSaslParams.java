package dev.keda4j.scalers.kafka;

import static dev.keda4j.scalers.config.Source.AUTH_PARAMS;
import static dev.keda4j.scalers.config.Source.TRIGGER_METADATA;

import dev.keda4j.scalers.config.ConfigStrings;
import dev.keda4j.scalers.config.Param;
import java.util.List;
import java.util.Map;

/**
 * Kafka SASL parameters (scalers.md §3.3); the per-mode requirements are checked in {@link
 * KafkaConfig}.
 *
 * @param sasl none, plaintext, scram_sha256, scram_sha512, oauthbearer or gssapi
 * @param username user (plaintext/scram), client id (oauthbearer), principal (gssapi)
 * @param password password or client secret (secret)
 * @param saslTokenProvider bearer or aws_msk_iam (oauthbearer only)
 * @param scopes OAuth scopes
 * @param oauthTokenEndpointUri OAuth token endpoint
 * @param oauthExtensions SASL extensions {@code k=v,...}
 * @param awsRegion region for aws_msk_iam
 * @param keytab base64 keytab (secret)
 * @param realm Kerberos realm
 * @param kerberosConfig krb5.conf content
 * @param kerberosServiceName Kerberos service name
 * @param kerberosDisableFast disable FAST negotiation
 */
public record KafkaSaslParams(
    @Param(
            name = "sasl",
            order = {TRIGGER_METADATA, AUTH_PARAMS},
            defaultValue = "none",
            enumValues = {
              "none",
              "plaintext",
              "scram_sha256",
              "scram_sha512",
              "oauthbearer",
              "gssapi"
            })
        String sasl,
    @Param(name = "username", order = AUTH_PARAMS, optional = true) String username,
    @Param(name = "password", order = AUTH_PARAMS, optional = true, sensitive = true)
        String password,
    @Param(
            name = "saslTokenProvider",
            order = {TRIGGER_METADATA, AUTH_PARAMS},
            defaultValue = "bearer",
            enumValues = {"bearer", "aws_msk_iam"})
        String saslTokenProvider,
    @Param(name = "scopes", order = AUTH_PARAMS, optional = true) List<String> scopes,
    @Param(name = "oauthTokenEndpointUri", order = AUTH_PARAMS, optional = true)
        String oauthTokenEndpointUri,
    @Param(name = "oauthExtensions", order = AUTH_PARAMS, optional = true)
        Map<String, String> oauthExtensions,
    @Param(name = "awsRegion", optional = true) String awsRegion,
    @Param(name = "keytab", order = AUTH_PARAMS, optional = true, sensitive = true) String keytab,
    @Param(name = "realm", order = AUTH_PARAMS, optional = true) String realm,
    @Param(name = "kerberosConfig", order = AUTH_PARAMS, optional = true) String kerberosConfig,
    @Param(name = "kerberosServiceName", order = AUTH_PARAMS, defaultValue = "kafka")
        String kerberosServiceName,
    @Param(name = "kerberosDisableFAST", order = AUTH_PARAMS, defaultValue = "false")
        boolean kerberosDisableFast) {

  public boolean enabled() {
    return !"none".equals(sasl);
  }

  @Override
  public String toString() {
    return ConfigStrings.describe(this);
  }
}
