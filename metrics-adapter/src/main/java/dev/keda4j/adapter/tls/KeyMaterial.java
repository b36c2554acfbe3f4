package dev.keda4j.adapter.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A serving key and its certificate chain, leaf first.
 *
 * @param key the private key
 * @param chain the chain
 */
public record KeyMaterial(PrivateKey key, List<X509Certificate> chain) {
  public KeyMaterial {
    Objects.requireNonNull(key, "key");
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a certificate chain needs at least the leaf");
    }
  }

  public X509Certificate leaf() {
    return chain.get(0);
  }

  /** Hides the key. */
  @Override
  public String toString() {
    return "KeyMaterial[" + leaf().getSubjectX500Principal() + "]";
  }
}
