package dev.keda4j.scalers.external;

/**
 * What makes two triggers share one gRPC channel: the address and every TLS setting. Holds the
 * client key, so it prints the address only.
 */
record ChannelKey(
    String address,
    boolean tls,
    boolean unsafeSsl,
    String caPem,
    String clientCertPem,
    String clientKeyPem) {

  @Override
  public String toString() {
    return "ChannelKey[" + address + (tls ? ", tls" : "") + (unsafeSsl ? ", unsafeSsl" : "") + "]";
  }
}
