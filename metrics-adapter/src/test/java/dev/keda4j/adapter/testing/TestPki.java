package dev.keda4j.adapter.testing;

import dev.keda4j.adapter.tls.KeyMaterial;
import dev.keda4j.adapter.tls.Pem;
import java.io.IOException;
import java.math.BigInteger;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A CA generated in the test, issuing client certificates. */
public final class TestPki {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final KeyPair caKeys;
  private final X509Certificate ca;

  public TestPki(String name) {
    try {
      caKeys = keyPair();
      X500Name subject = new X500Name("CN=" + name);
      JcaX509v3CertificateBuilder b = builder(subject, subject, caKeys, Instant.now());
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      b.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      ca = sign(b, caKeys);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public X509Certificate ca() {
    return ca;
  }

  /** A client certificate with {@code CN=cn, O=org...}, valid now. */
  public KeyMaterial client(String cn, String... orgs) {
    return client(cn, Instant.now(), orgs);
  }

  /** A client certificate valid for a day from {@code notBefore} + 5 minutes before it. */
  public KeyMaterial client(String cn, Instant notBefore, String... orgs) {
    try {
      KeyPair keys = keyPair();
      StringBuilder dn = new StringBuilder("CN=" + cn);
      for (String o : orgs) {
        dn.append(",O=").append(o);
      }
      JcaX509v3CertificateBuilder b =
          builder(new X500Name(dn.toString()), new X500Name("CN=" + cnOf(ca)), keys, notBefore);
      b.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
      return new KeyMaterial(keys.getPrivate(), List.of(sign(b, caKeys), ca));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A certificate for both ends of a mutual-TLS link (client and server EKU), like the one secret
   * the controller and the adapter share for the metrics channel.
   */
  public KeyMaterial peer(String cn) {
    try {
      KeyPair keys = keyPair();
      JcaX509v3CertificateBuilder b =
          builder(new X500Name("CN=" + cn), new X500Name("CN=" + cnOf(ca)), keys, Instant.now());
      b.addExtension(
          Extension.extendedKeyUsage,
          false,
          new ExtendedKeyUsage(
              new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth}));
      return new KeyMaterial(keys.getPrivate(), List.of(sign(b, caKeys), ca));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes {@code ca.crt} (this CA), {@code tls.crt} and {@code tls.key} of {@code identity}. */
  public Path writeCertDir(Path dir, KeyMaterial identity) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("ca.crt"), Pem.encode(ca));
    Files.writeString(dir.resolve("tls.crt"), Pem.encode(identity.chain().toArray()));
    Files.writeString(dir.resolve("tls.key"), Pem.encode(identity.key()));
    return dir;
  }

  private static String cnOf(X509Certificate cert) {
    return cert.getSubjectX500Principal().getName().replaceFirst("^CN=", "");
  }

  /** A TLS client that trusts any server and presents {@code identity} (or nothing if null). */
  public static SSLContext clientContext(KeyMaterial identity) {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      if (identity != null) {
        ks.setKeyEntry(
            "me", identity.key(), new char[0], identity.chain().toArray(X509Certificate[]::new));
      }
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, new char[0]);
      SSLContext ctx = SSLContext.getInstance("TLS");
      KeyManager[] keyManagers =
          identity == null
              ? kmf.getKeyManagers()
              : new KeyManager[] {new AlwaysPresent((X509KeyManager) kmf.getKeyManagers()[0])};
      ctx.init(keyManagers, new TrustManager[] {new TrustAnyServer()}, RANDOM);
      return ctx;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair keyPair() throws Exception {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
    gen.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    return gen.generateKeyPair();
  }

  private static JcaX509v3CertificateBuilder builder(
      X500Name subject, X500Name issuer, KeyPair keys, Instant notBefore) {
    return new JcaX509v3CertificateBuilder(
        issuer,
        new BigInteger(64, RANDOM),
        Date.from(notBefore.minus(Duration.ofMinutes(5))),
        Date.from(notBefore.plus(Duration.ofDays(1))),
        subject,
        keys.getPublic());
  }

  private static X509Certificate sign(JcaX509v3CertificateBuilder b, KeyPair signer)
      throws Exception {
    return new JcaX509CertificateConverter()
        .getCertificate(
            b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
  }

  /**
   * Presents the identity whatever CAs the server asks for, so a test can show what the server does
   * with a certificate from a CA it does not know.
   */
  private static final class AlwaysPresent extends X509ExtendedKeyManager {
    private final X509KeyManager delegate;

    AlwaysPresent(X509KeyManager delegate) {
      this.delegate = delegate;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
      return "me";
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      return "me";
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return new String[] {"me"};
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return delegate.getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return delegate.getPrivateKey(alias);
    }
  }

  /** Tests talk to a server with a generated certificate. */
  private static final class TrustAnyServer implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
      // tests are only clients
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
      // the server's certificate is generated by the test
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
