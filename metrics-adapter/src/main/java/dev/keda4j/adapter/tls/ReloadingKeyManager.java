package dev.keda4j.adapter.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Serves whatever key material it currently holds. The TLS engine asks the key manager on every
 * handshake, so swapping the material rotates the certificate without restarting the listener.
 */
public final class ReloadingKeyManager extends X509ExtendedKeyManager {
  private static final String ALIAS = "serving";

  private final AtomicReference<KeyMaterial> current;

  public ReloadingKeyManager(KeyMaterial initial) {
    this.current = new AtomicReference<>(initial);
  }

  public void replace(KeyMaterial material) {
    current.set(material);
  }

  public KeyMaterial current() {
    return current.get();
  }

  private String aliasFor(String keyType) {
    String algorithm = current.get().key().getAlgorithm();
    return keyType == null || keyType.equals(algorithm) || keyType.startsWith(algorithm + "_")
        ? ALIAS
        : null;
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    String alias = aliasFor(keyType);
    return alias == null ? null : new String[] {alias};
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return aliasFor(keyType);
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return aliasFor(keyType);
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    return null;
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return ALIAS.equals(alias) ? current.get().chain().toArray(X509Certificate[]::new) : null;
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return ALIAS.equals(alias) ? current.get().key() : null;
  }
}
