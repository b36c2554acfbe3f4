package dev.keda4j.adapter.channel;

import dev.keda4j.adapter.tls.FileSetReloader;
import dev.keda4j.adapter.tls.KeyMaterial;
import dev.keda4j.adapter.tls.KeyMaterialChecks;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/**
 * The internal channel's mutual TLS material: {@code ca.crt} (the channel CA, the only one trusted
 * on either side), {@code tls.crt} and {@code tls.key} (this side's identity, signed by that CA) in
 * one directory ({@code --channel-cert-dir}, like KEDA's {@code /certs} of the gRPC link). Both
 * ends re-read the directory while they run ({@link #reloader}).
 *
 * @param dir the directory
 */
public record ChannelTls(Path dir) {
  public static final String CA = "ca.crt";
  public static final String CERT = "tls.crt";
  public static final String KEY = "tls.key";

  /** Fails with the missing file's name when one of the three is not readable. */
  public ChannelTls checked() throws IOException {
    for (Path p : files()) {
      if (!Files.isReadable(p)) {
        throw new IOException("channel certificate file " + p + " is missing or unreadable");
      }
    }
    return this;
  }

  /**
   * Follows the three files: every {@code interval} their content is compared, and a changed set
   * that parses ({@link #parse}: key matches certificate, identity issued by the CA) is handed to
   * the applier; a bad set is logged once and the material in use stays.
   *
   * @param side "server" or "client", for logs
   */
  public FileSetReloader<Material> reloader(Vertx vertx, Duration interval, String side) {
    return new FileSetReloader<>(
        vertx,
        "metrics channel " + side + " certificates in " + dir,
        files(),
        interval,
        ChannelTls::parse);
  }

  /** {@code ca.crt}, {@code tls.crt}, {@code tls.key}, in this order. */
  public List<Path> files() {
    return List.of(dir.resolve(CA), dir.resolve(CERT), dir.resolve(KEY));
  }

  /** This side's identity, read by Vert.x from the files when a listener or client starts. */
  public PemKeyCertOptions identity() {
    return new PemKeyCertOptions()
        .setCertPath(dir.resolve(CERT).toString())
        .setKeyPath(dir.resolve(KEY).toString());
  }

  /** The channel CA, read by Vert.x from the file when a listener or client starts. */
  public PemTrustOptions trust() {
    return new PemTrustOptions().addCertPath(dir.resolve(CA).toString());
  }

  /**
   * Checks the three files' content (in the order of {@link #files()}): {@code ca.crt} holds at
   * least one certificate, {@code tls.key} belongs to the first certificate of {@code tls.crt}, and
   * that certificate is issued by the CA (directly or through the intermediates in {@code
   * tls.crt}). Messages name certificates by subject, never key bytes.
   */
  static Material parse(List<byte[]> contents) throws IOException {
    if (contents.size() != 3) {
      throw new IllegalArgumentException("ca.crt, tls.crt and tls.key expected");
    }
    byte[] ca = contents.get(0);
    byte[] cert = contents.get(1);
    byte[] key = contents.get(2);
    List<X509Certificate> cas;
    try {
      cas = KeyMaterialChecks.certificates(ca);
    } catch (IOException e) {
      throw new IOException(CA + ": " + e.getMessage(), e);
    }
    KeyMaterial identity;
    try {
      identity = KeyMaterialChecks.parse(cert, key);
    } catch (IOException e) {
      throw new IOException(CERT + "/" + KEY + ": " + e.getMessage(), e);
    }
    KeyMaterialChecks.requireIssuedBy(identity.chain(), cas);
    return new Material(ca, cert, key, identity.leaf(), cas);
  }

  /** Checked content of the three files, handed to Vert.x as values (never re-read from disk). */
  static final class Material {
    private final Buffer ca;
    private final Buffer cert;
    private final Buffer key;
    private final X509Certificate leaf;
    private final List<X509Certificate> cas;

    private Material(
        byte[] ca, byte[] cert, byte[] key, X509Certificate leaf, List<X509Certificate> cas) {
      this.ca = Buffer.buffer(ca);
      this.cert = Buffer.buffer(cert);
      this.key = Buffer.buffer(key);
      this.leaf = leaf;
      this.cas = List.copyOf(cas);
    }

    PemKeyCertOptions identity() {
      return new PemKeyCertOptions().setCertValue(cert.copy()).setKeyValue(key.copy());
    }

    PemTrustOptions trust() {
      return new PemTrustOptions().addCertValue(ca.copy());
    }

    /** Subjects and expiry only: safe for logs. */
    @Override
    public String toString() {
      return leaf.getSubjectX500Principal()
          + " (until "
          + leaf.getNotAfter().toInstant()
          + ") trusting "
          + (cas.size() == 1 ? cas.get(0).getSubjectX500Principal() : cas.size() + " CAs");
    }
  }
}
