package dev.keda4j.adapter.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.List;
import java.util.Locale;

/**
 * Checks of certificate and key files before they are put to use, so a reload never swaps working
 * material for a pair that fails every handshake. Messages name certificates by subject only, never
 * key bytes.
 */
public final class KeyMaterialChecks {
  private static final byte[] PROBE = "keda4j key check".getBytes(StandardCharsets.US_ASCII);

  private KeyMaterialChecks() {}

  /**
   * A certificate chain (leaf first) and its private key from PEM bytes, the key checked against
   * the leaf's public key.
   */
  public static KeyMaterial parse(byte[] certPem, byte[] keyPem) throws IOException {
    List<X509Certificate> chain = Pem.certificates(ascii(certPem));
    if (chain.isEmpty()) {
      throw new IOException("no certificate found");
    }
    KeyMaterial material = new KeyMaterial(Pem.privateKey(ascii(keyPem)), chain);
    requireMatchingKey(material);
    return material;
  }

  /** Every certificate in PEM bytes; fails when there is none. */
  public static List<X509Certificate> certificates(byte[] pem) throws IOException {
    List<X509Certificate> certs = Pem.certificates(ascii(pem));
    if (certs.isEmpty()) {
      throw new IOException("no certificate found");
    }
    return certs;
  }

  /** Fails unless the key signs what the leaf certificate's public key verifies. */
  public static void requireMatchingKey(KeyMaterial material) throws IOException {
    boolean matches;
    try {
      matches = signsFor(material.key(), material.leaf().getPublicKey());
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IOException(
          "the key cannot be checked against the certificate "
              + material.leaf().getSubjectX500Principal()
              + " ("
              + e.getClass().getSimpleName()
              + ")",
          e);
    }
    if (!matches) {
      throw new IOException(
          "the key does not belong to the certificate "
              + material.leaf().getSubjectX500Principal());
    }
  }

  /**
   * Fails unless {@code chain} (leaf first, intermediates after it) leads by signatures to one of
   * {@code cas}. Validity dates are not checked here: a renewal may be issued seconds before its
   * start, and the peers check dates on every handshake anyway.
   */
  public static void requireIssuedBy(List<X509Certificate> chain, List<X509Certificate> cas)
      throws IOException {
    for (int i = 0; i < chain.size(); i++) {
      X509Certificate cert = chain.get(i);
      for (X509Certificate ca : cas) {
        if (ca.equals(cert) || signedBy(cert, ca)) {
          return;
        }
      }
      if (i + 1 >= chain.size() || !signedBy(cert, chain.get(i + 1))) {
        break;
      }
    }
    throw new IOException(
        "the certificate "
            + chain.get(0).getSubjectX500Principal()
            + " is not issued by the CA "
            + (cas.size() == 1
                ? cas.get(0).getSubjectX500Principal().toString()
                : "bundle of " + cas.size() + " certificates"));
  }

  private static boolean signedBy(X509Certificate cert, X509Certificate issuer) {
    if (!cert.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
      return false;
    }
    try {
      cert.verify(issuer.getPublicKey());
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private static boolean signsFor(PrivateKey key, PublicKey publicKey)
      throws GeneralSecurityException {
    String algorithm = family(key.getAlgorithm());
    if (!algorithm.equals(family(publicKey.getAlgorithm()))) {
      return false;
    }
    Signature signer;
    Signature verifier;
    switch (algorithm) {
      case "EC" -> {
        signer = Signature.getInstance("SHA256withECDSA");
        verifier = Signature.getInstance("SHA256withECDSA");
      }
      case "RSA" -> {
        signer = Signature.getInstance("SHA256withRSA");
        verifier = Signature.getInstance("SHA256withRSA");
      }
      case "RSASSA-PSS" -> {
        PSSParameterSpec pss =
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);
        signer = Signature.getInstance("RSASSA-PSS");
        signer.setParameter(pss);
        verifier = Signature.getInstance("RSASSA-PSS");
        verifier.setParameter(pss);
      }
      case "DSA" -> {
        signer = Signature.getInstance("SHA256withDSA");
        verifier = Signature.getInstance("SHA256withDSA");
      }
      default -> {
        // Ed25519, Ed448, EdDSA: the algorithm names the signature
        signer = Signature.getInstance(key.getAlgorithm());
        verifier = Signature.getInstance(key.getAlgorithm());
      }
    }
    signer.initSign(key);
    signer.update(PROBE);
    byte[] signature = signer.sign();
    verifier.initVerify(publicKey);
    verifier.update(PROBE);
    return verifier.verify(signature);
  }

  /** JDK keys say "EC", Bouncy Castle's "ECDSA". */
  private static String family(String algorithm) {
    String a = algorithm.toUpperCase(Locale.ROOT);
    return a.equals("ECDSA") ? "EC" : a;
  }

  private static String ascii(byte[] pem) {
    return new String(pem, StandardCharsets.US_ASCII);
  }
}
