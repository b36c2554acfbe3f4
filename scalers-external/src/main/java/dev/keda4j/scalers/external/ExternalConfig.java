package dev.keda4j.scalers.external;

import static dev.keda4j.scalers.config.Source.AUTH_PARAMS;

import dev.keda4j.scalers.config.ConfigStrings;
import dev.keda4j.scalers.config.Param;

/**
 * {@code external} / {@code external-push} trigger metadata (scalers.md §3.15). Every metadata
 * entry, these included, is also forwarded to the scaler as {@code ScaledObjectRef.scalerMetadata}
 * (see {@link ScalerMetadata}).
 *
 * @param scalerAddress gRPC target {@code host:port}
 * @param enableTls use TLS even without a CA or client certificate
 * @param unsafeSsl skip verification of the server's certificate and host name
 * @param tlsCertFile path of a PEM file with the CA certificate(s) to trust (KEDA's {@code
 *     credentials.NewClientTLSFromFile}); "" if none
 * @param caCert CA certificate(s) to trust (PEM), "" for the JVM defaults
 * @param tlsClientCert client certificate (PEM) for mutual TLS
 * @param tlsClientKey client private key (PEM, PKCS#8) for mutual TLS — secret
 */
public record ExternalConfig(
    @Param(name = "scalerAddress") String scalerAddress,
    @Param(name = "enableTLS", defaultValue = "false") boolean enableTls,
    @Param(name = "unsafeSsl", defaultValue = "false") boolean unsafeSsl,
    @Param(name = "tlsCertFile", optional = true) String tlsCertFile,
    @Param(
            name = "caCert",
            order = {AUTH_PARAMS},
            optional = true)
        String caCert,
    @Param(
            name = "tlsClientCert",
            order = {AUTH_PARAMS},
            optional = true)
        String tlsClientCert,
    @Param(
            name = "tlsClientKey",
            order = {AUTH_PARAMS},
            optional = true,
            sensitive = true)
        String tlsClientKey) {

  /** KEDA: TLS if {@code enableTLS}, a client certificate, a CA or a CA file is given. */
  public boolean usesTls() {
    return enableTls
        || !tlsClientCert.isEmpty()
        || !tlsClientKey.isEmpty()
        || !caCert.isEmpty()
        || !tlsCertFile.isEmpty();
  }

  @Override
  public String toString() {
    return ConfigStrings.describe(this);
  }
}
