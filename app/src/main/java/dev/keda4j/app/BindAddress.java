package dev.keda4j.app;

import java.net.InetSocketAddress;

/**
 * A listen address written the KEDA way: {@code :8080}, {@code 0.0.0.0:8080} or {@code host:port}.
 */
public record BindAddress(String host, int port) {

  public static BindAddress parse(String flag, String text) {
    int colon = text.lastIndexOf(':');
    String host = colon <= 0 ? "0.0.0.0" : text.substring(0, colon);
    String portText = colon < 0 ? text : text.substring(colon + 1);
    try {
      int port = Integer.parseInt(portText);
      if (port < 0 || port > 65_535) {
        throw new NumberFormatException("out of range");
      }
      return new BindAddress(host, port);
    } catch (NumberFormatException e) {
      throw new UserFacingException(
          flag + " " + text + " is not an address like :8080 or 127.0.0.1:8080", e);
    }
  }

  InetSocketAddress socketAddress() {
    return new InetSocketAddress(host, port);
  }
}
