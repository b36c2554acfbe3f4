package dev.keda4j.adapter.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keda4j.adapter.testing.TestPki;
import dev.keda4j.adapter.tls.KeyMaterial;
import dev.keda4j.adapter.tls.Pem;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a reload accepts from the three channel files, and what it refuses with which message. */
class ChannelTlsTest {
  private static final TestPki CA = new TestPki("channel-ca");
  private static final TestPki OTHER_CA = new TestPki("other-ca");
  private static final KeyMaterial PEER = CA.peer("ctl");
  private static final KeyMaterial SECOND_PEER = CA.peer("ctl-2");
  private static final KeyMaterial STRANGER = OTHER_CA.peer("ctl");
  private static final KeyMaterial RSA = selfSigned("RSA", "SHA256withRSA", "rsa-peer");
  private static final KeyMaterial RSA_2 = selfSigned("RSA", "SHA256withRSA", "rsa-peer-2");
  private static final KeyMaterial ED25519 = selfSigned("Ed25519", "Ed25519", "ed-peer");
  private static final String GARBAGE_KEY =
      "-----BEGIN PRIVATE KEY-----\nZ2FyYmFnZSwgbm90IGEga2V5\n-----END PRIVATE KEY-----\n";

  static Stream<Arguments> sets() {
    String ca = pem(CA.ca());
    String peerChain = pem(PEER.chain().toArray());
    String peerKey = pem(PEER.key());
    return Stream.of(
        // name, ca.crt, tls.crt, tls.key, null when accepted or a part of the message
        Arguments.of("a peer of the CA", ca, peerChain, peerKey, null),
        Arguments.of("leaf only, no chain", ca, pem(PEER.leaf()), peerKey, null),
        Arguments.of(
            "a CA bundle during a CA rotation",
            pem(OTHER_CA.ca(), CA.ca()),
            peerChain,
            peerKey,
            null),
        Arguments.of("RSA", pem(RSA.leaf()), pem(RSA.leaf()), pem(RSA.key()), null),
        Arguments.of("Ed25519", pem(ED25519.leaf()), pem(ED25519.leaf()), pem(ED25519.key()), null),
        Arguments.of("garbage key", ca, peerChain, GARBAGE_KEY, "tls.crt/tls.key: "),
        Arguments.of("empty key", ca, peerChain, "", "tls.crt/tls.key: no private key found"),
        Arguments.of(
            "the key of another certificate",
            ca,
            peerChain,
            pem(SECOND_PEER.key()),
            "the key does not belong to the certificate CN=ctl"),
        Arguments.of(
            "an RSA key of another certificate",
            pem(RSA.leaf()),
            pem(RSA.leaf()),
            pem(RSA_2.key()),
            "the key does not belong to the certificate CN=rsa-peer"),
        Arguments.of(
            "an EC key for an RSA certificate",
            pem(RSA.leaf()),
            pem(RSA.leaf()),
            peerKey,
            "the key does not belong to the certificate CN=rsa-peer"),
        Arguments.of(
            "half a rotation: new CA, old identity",
            pem(OTHER_CA.ca()),
            peerChain,
            peerKey,
            "the certificate CN=ctl is not issued by the CA CN=other-ca"),
        Arguments.of(
            "an identity of another CA",
            ca,
            pem(STRANGER.chain().toArray()),
            pem(STRANGER.key()),
            "is not issued by the CA CN=channel-ca"),
        Arguments.of("empty ca.crt", "", peerChain, peerKey, "ca.crt: no certificate found"),
        Arguments.of("no certificate", ca, "", peerKey, "tls.crt/tls.key: no certificate found"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sets")
  void checksTheSet(String name, String ca, String cert, String key, String refusal)
      throws IOException {
    List<byte[]> contents = List.of(bytes(ca), bytes(cert), bytes(key));
    if (refusal == null) {
      ChannelTls.Material material = ChannelTls.parse(contents);
      assertNotNull(material.identity().getKeyValue());
      assertEquals(1, material.trust().getCertValues().size());
      return;
    }
    IOException e = assertThrows(IOException.class, () -> ChannelTls.parse(contents));
    assertTrue(e.getMessage().contains(refusal), e.getMessage());
    assertFalse(e.getMessage().contains("Z2FyYmFn"), e.getMessage());
    for (String line : key.lines().toList()) {
      assertFalse(line.length() > 10 && e.getMessage().contains(line), e.getMessage());
    }
  }

  @Test
  void describesTheMaterialWithoutSecrets() throws IOException {
    ChannelTls.Material material =
        ChannelTls.parse(
            List.of(
                bytes(pem(CA.ca())), bytes(pem(PEER.chain().toArray())), bytes(pem(PEER.key()))));

    String text = material.toString();

    assertTrue(text.startsWith("CN=ctl (until "), text);
    assertTrue(text.endsWith("trusting CN=channel-ca"), text);
    assertFalse(text.contains("KEY"), text);
  }

  private static String pem(Object... objects) {
    return Pem.encode(objects);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static KeyMaterial selfSigned(String keyAlgorithm, String signature, String cn) {
    try {
      KeyPair keys = KeyPairGenerator.getInstance(keyAlgorithm).generateKeyPair();
      X500Name name = new X500Name("CN=" + cn);
      Instant now = Instant.now();
      X509Certificate cert =
          new JcaX509CertificateConverter()
              .getCertificate(
                  new JcaX509v3CertificateBuilder(
                          name,
                          BigInteger.valueOf(now.toEpochMilli()),
                          Date.from(now.minus(Duration.ofMinutes(5))),
                          Date.from(now.plus(Duration.ofDays(1))),
                          name,
                          keys.getPublic())
                      .build(new JcaContentSignerBuilder(signature).build(keys.getPrivate())));
      return new KeyMaterial(keys.getPrivate(), List.of(cert));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
