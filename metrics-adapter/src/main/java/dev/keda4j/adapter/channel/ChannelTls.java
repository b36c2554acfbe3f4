package dev.keda4j.adapter.channel;

import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The internal channel's mutual TLS material: {@code ca.crt} (the channel CA, the only one trusted
 * on either side), {@code tls.crt} and {@code tls.key} (this side's identity, signed by that CA) in
 * one directory ({@code --channel-cert-dir}, like KEDA's {@code /certs} of the gRPC link).
 *
 * @param dir the directory
 */
public record ChannelTls(Path dir) {
  public static final String CA = "ca.crt";
  public static final String CERT = "tls.crt";
  public static final String KEY = "tls.key";

  /** Fails with the missing file's name when one of the three is not readable. */
  public ChannelTls checked() throws IOException {
    for (String f : new String[] {CA, CERT, KEY}) {
      Path p = dir.resolve(f);
      if (!Files.isReadable(p)) {
        throw new IOException("channel certificate file " + p + " is missing or unreadable");
      }
    }
    return this;
  }

  public PemKeyCertOptions identity() {
    return new PemKeyCertOptions()
        .setCertPath(dir.resolve(CERT).toString())
        .setKeyPath(dir.resolve(KEY).toString());
  }

  public PemTrustOptions trust() {
    return new PemTrustOptions().addCertPath(dir.resolve(CA).toString());
  }
}
