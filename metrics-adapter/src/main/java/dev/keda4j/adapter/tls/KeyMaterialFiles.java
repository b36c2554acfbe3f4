package dev.keda4j.adapter.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The serving certificate and key files. Compares content, not timestamps: a Kubernetes secret
 * update swaps a {@code ..data} symlink, which leaves the files' own mtimes meaningless.
 */
public final class KeyMaterialFiles {
  private final Path certFile;
  private final Path keyFile;
  private byte[] lastDigest = new byte[0];

  public KeyMaterialFiles(Path certFile, Path keyFile) {
    this.certFile = certFile;
    this.keyFile = keyFile;
  }

  /** Reads both files now. */
  public synchronized KeyMaterial load() throws IOException {
    byte[] digest = digest();
    KeyMaterial material = Pem.read(certFile, keyFile);
    lastDigest = digest;
    return material;
  }

  /** The new material if the files changed since the last successful read. */
  public synchronized Optional<KeyMaterial> reloadIfChanged() throws IOException {
    if (Arrays.equals(digest(), lastDigest)) {
      return Optional.empty();
    }
    return Optional.of(load());
  }

  public Path certFile() {
    return certFile;
  }

  private byte[] digest() throws IOException {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(Files.readAllBytes(certFile));
      sha.update(Files.readAllBytes(keyFile));
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }
}
