package dev.keda4j.adapter.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Asks clients for a certificate (advertising the accepted CAs) but leaves verification to the
 * authenticator, like Go's {@code tls.RequestClientCert}: front-proxy and x509 client CAs mean
 * different things, and a certificate that fails both must end in a 401 Status, not a TLS alert.
 */
public final class ClientCertificateRequester extends X509ExtendedTrustManager {
  private volatile X509Certificate[] acceptedIssuers;

  public ClientCertificateRequester(List<X509Certificate> acceptedIssuers) {
    this.acceptedIssuers = acceptedIssuers.toArray(X509Certificate[]::new);
  }

  /** The CAs advertised from the next handshake on. */
  public void update(List<X509Certificate> issuers) {
    this.acceptedIssuers = issuers.toArray(X509Certificate[]::new);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) {
    // verified per request by RequestAuthenticator
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
    // verified per request by RequestAuthenticator
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    // verified per request by RequestAuthenticator
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("this trust manager only serves a server");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("this trust manager only serves a server");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("this trust manager only serves a server");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return acceptedIssuers.clone();
  }
}
