package dev.keda4j.scalers.external;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A CA made in the test, and certificates it signs, as PEM strings. */
final class TestPki {
  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  /**
   * A certificate and its key.
   *
   * @param cert certificate (PEM)
   * @param key PKCS#8 private key (PEM)
   */
  record Pem(String cert, String key) {
    @Override
    public String toString() {
      return "Pem[<pem>]";
    }
  }

  private final X500Name caName;
  private final KeyPair caKeys;
  private final Pem ca;

  TestPki(String cn) throws Exception {
    caName = new X500Name("CN=" + cn);
    caKeys = keys();
    JcaX509v3CertificateBuilder b = builder(caName, caName, caKeys);
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    ca = new Pem(pem("CERTIFICATE", sign(b, caKeys.getPrivate()).getEncoded()), pkcs8(caKeys));
  }

  /** The CA certificate and key. */
  Pem ca() {
    return ca;
  }

  /** A server certificate for 127.0.0.1 and localhost. */
  Pem server() throws Exception {
    KeyPair k = keys();
    JcaX509v3CertificateBuilder b = builder(caName, new X500Name("CN=localhost"), k);
    b.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
              new GeneralName(GeneralName.dNSName, "localhost")
            }));
    return new Pem(pem("CERTIFICATE", sign(b, caKeys.getPrivate()).getEncoded()), pkcs8(k));
  }

  /** A client certificate with subject {@code CN=<cn>}. */
  Pem client(String cn) throws Exception {
    KeyPair k = keys();
    JcaX509v3CertificateBuilder b = builder(caName, new X500Name("CN=" + cn), k);
    return new Pem(pem("CERTIFICATE", sign(b, caKeys.getPrivate()).getEncoded()), pkcs8(k));
  }

  private static KeyPair keys() throws Exception {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
    gen.initialize(2048);
    return gen.generateKeyPair();
  }

  private static JcaX509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair k) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(
        issuer,
        BigInteger.valueOf(SERIAL.incrementAndGet()),
        Date.from(now.minus(Duration.ofMinutes(5))),
        Date.from(now.plus(Duration.ofDays(1))),
        subject,
        k.getPublic());
  }

  private static X509Certificate sign(JcaX509v3CertificateBuilder b, PrivateKey key)
      throws Exception {
    return new JcaX509CertificateConverter()
        .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA").build(key)));
  }

  private static String pkcs8(KeyPair k) {
    return pem("PRIVATE KEY", k.getPrivate().getEncoded());
  }

  private static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
