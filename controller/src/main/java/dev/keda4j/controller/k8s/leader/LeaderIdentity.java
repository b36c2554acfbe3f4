package dev.keda4j.controller.k8s.leader;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The holder identity keda4j writes into its leader-election Lease: {@code <podName>_<podIp>}. The
 * metrics adapter reads the Lease's {@code holderIdentity} and {@link #parse}s it to find the
 * leader's pod and address.
 *
 * @param name pod name (or host name outside a cluster)
 * @param ip pod IP (or a local address outside a cluster); never contains {@code _}
 */
public record LeaderIdentity(String name, String ip) {

  public LeaderIdentity {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(ip, "ip");
    if (name.isEmpty() || ip.isEmpty() || ip.contains("_")) {
      throw new IllegalArgumentException("leader identity needs a name and an ip without '_'");
    }
  }

  /** {@code name_ip}, the Lease holderIdentity. */
  @Override
  public String toString() {
    return name + "_" + ip;
  }

  /**
   * Splits a holderIdentity at its last {@code _} (pod names cannot contain {@code _}; host names
   * used outside a cluster might). Empty when the value is null, blank or not of that form.
   */
  public static Optional<LeaderIdentity> parse(String holderIdentity) {
    if (holderIdentity == null) {
      return Optional.empty();
    }
    String value = holderIdentity.trim();
    int separator = value.lastIndexOf('_');
    if (separator <= 0 || separator == value.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(
        new LeaderIdentity(value.substring(0, separator), value.substring(separator + 1)));
  }

  /** From POD_NAME and POD_IP; falls back to the host name and the local address. */
  public static LeaderIdentity fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  static LeaderIdentity fromEnvironment(Map<String, String> env) {
    String name = env.get("POD_NAME");
    String ip = env.get("POD_IP");
    InetAddress local = null;
    if (blank(name) || blank(ip)) {
      try {
        local = InetAddress.getLocalHost();
      } catch (UnknownHostException e) {
        local = InetAddress.getLoopbackAddress();
      }
    }
    if (blank(name)) {
      name = local.getHostName();
    }
    if (blank(ip)) {
      ip = local.getHostAddress();
    }
    return new LeaderIdentity(name.trim(), ip.trim());
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
