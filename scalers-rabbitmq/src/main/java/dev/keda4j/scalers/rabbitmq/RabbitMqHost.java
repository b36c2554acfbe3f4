package dev.keda4j.scalers.rabbitmq;

import dev.keda4j.scalers.config.ConfigStrings;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code host} parameter taken apart. It usually carries credentials, so nothing here prints
 * them and parse errors never quote the input.
 *
 * @param scheme {@code amqp}, {@code amqps}, {@code http}, {@code https} ("" if none)
 * @param authority {@code host[:port]} without user info
 * @param username user from the URL ("" if none)
 * @param password password from the URL ("" if none) — secret
 * @param rawPath the escaped path ({@code /vhost}, {@code /prefix/vhost}, "" if none)
 */
record RabbitMqHost(
    String scheme, String authority, String username, String password, String rawPath) {

  /**
   * Parses the host URL.
   *
   * @throws IllegalArgumentException naming only the position of the problem
   */
  static RabbitMqHost parse(String host) {
    URI uri;
    try {
      uri = new URI(host);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "can't parse host to find protocol: " + e.getReason() + " at index " + e.getIndex(), e);
    }
    String user = "";
    String password = "";
    String info = uri.getRawUserInfo();
    if (info != null) {
      int colon = info.indexOf(':');
      user = decode(colon < 0 ? info : info.substring(0, colon));
      password = colon < 0 ? "" : decode(info.substring(colon + 1));
    }
    String authority = uri.getHost() == null ? "" : uri.getHost();
    if (uri.getPort() >= 0) {
      authority += ":" + uri.getPort();
    }
    return new RabbitMqHost(
        uri.getScheme() == null ? "" : uri.getScheme(),
        authority,
        user,
        password,
        uri.getRawPath() == null ? "" : uri.getRawPath());
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** {@code scheme://authority}: the base every management URL starts with. */
  String base() {
    return scheme + "://" + authority;
  }

  boolean tlsScheme() {
    return "amqps".equals(scheme) || "https".equals(scheme);
  }

  /** The vhost an AMQP URL names; an empty path or {@code /} is the default vhost {@code /}. */
  String amqpVhost() {
    if (rawPath.isEmpty() || "/".equals(rawPath)) {
      return "/";
    }
    return decode(rawPath.substring(1));
  }

  @Override
  public String toString() {
    return "RabbitMqHost["
        + scheme
        + "://"
        + (username.isEmpty() && password.isEmpty() ? "" : RabbitMqUrls.MASKED_USER_INFO)
        + authority
        + rawPath
        + ", password="
        + ConfigStrings.mask(password)
        + "]";
  }
}
