package dev.keda4j.scalers.rabbitmq;

import dev.keda4j.scalers.config.TlsConfig;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** A JDK {@link SSLContext} from PEM settings, for the AMQP client (which is not on Vert.x). */
final class PemTls {
  private static final char[] NO_PASSWORD = new char[0];

  private PemTls() {}

  /**
   * The context for {@code tls}: the JDK trust store unless a CA is given or {@code unsafeSsl}.
   *
   * @throws RabbitMqScalerException for unreadable PEM (the message quotes no key material)
   */
  static SSLContext sslContext(TlsConfig tls) {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      KeyManagerFactory kmf = null;
      if (tls.hasClientCert()) {
        KeyStore ks = emptyStore();
        Certificate[] chain = certificates(tls.cert()).toArray(new Certificate[0]);
        ks.setKeyEntry("client", privateKey(tls.key()), NO_PASSWORD, chain);
        kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, NO_PASSWORD);
      }
      ctx.init(kmf == null ? null : kmf.getKeyManagers(), trustManagers(tls), null);
      return ctx;
    } catch (GeneralSecurityException | java.io.IOException | IllegalArgumentException e) {
      throw new RabbitMqScalerException(
          "rabbitmq: invalid TLS material: " + e.getClass().getName());
    }
  }

  private static TrustManager[] trustManagers(TlsConfig tls)
      throws GeneralSecurityException, java.io.IOException {
    if (tls.unsafeSsl()) {
      return new TrustManager[] {new TrustAll()};
    }
    if (tls.ca().isEmpty()) {
      return null;
    }
    KeyStore ks = emptyStore();
    int i = 0;
    for (Certificate c : certificates(tls.ca())) {
      ks.setCertificateEntry("ca" + i++, c);
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    return tmf.getTrustManagers();
  }

  private static KeyStore emptyStore() throws GeneralSecurityException, java.io.IOException {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    return ks;
  }

  private static Collection<? extends Certificate> certificates(String pem)
      throws GeneralSecurityException {
    return CertificateFactory.getInstance("X.509")
        .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }

  private static PrivateKey privateKey(String pem) throws GeneralSecurityException {
    String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body));
    GeneralSecurityException last = null;
    for (String alg : new String[] {"RSA", "EC", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(alg).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw last;
  }

  /** {@code unsafeSsl}: the user asked not to verify the server. */
  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
      // unsafeSsl: no verification, by request
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
      // unsafeSsl: no verification, by request
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
