package dev.keda4j.app;

import dev.keda4j.controller.k8s.leader.LeaderIdentity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Leader election of {@code keda4j run} (spec/operations.md §2).
 *
 * @param enabled false: this process always leads (one replica only)
 * @param id the Lease name
 * @param namespace the Lease namespace
 * @param identity this replica's holder identity; null: {@code <POD_NAME>_<POD_IP>} from the
 *     environment ({@link LeaderIdentity#fromEnvironment})
 */
public record LeaderElectionOptions(
    boolean enabled,
    String id,
    String namespace,
    Duration leaseDuration,
    Duration renewDeadline,
    Duration retryPeriod,
    LeaderIdentity identity) {

  public static final String DEFAULT_ID = "keda4j-operator";
  static final Path SERVICE_ACCOUNT_NAMESPACE =
      Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

  /** With the identity taken from the environment. */
  public LeaderElectionOptions(
      boolean enabled,
      String id,
      String namespace,
      Duration leaseDuration,
      Duration renewDeadline,
      Duration retryPeriod) {
    this(enabled, id, namespace, leaseDuration, renewDeadline, retryPeriod, null);
  }

  /** The same options with another holder identity (several replicas in one JVM). */
  public LeaderElectionOptions withIdentity(LeaderIdentity holder) {
    return new LeaderElectionOptions(
        enabled, id, namespace, leaseDuration, renewDeadline, retryPeriod, holder);
  }

  /** The holder identity to use. */
  public LeaderIdentity holderIdentity() {
    return identity != null ? identity : LeaderIdentity.fromEnvironment();
  }

  /** No election: the process runs the controllers at once. */
  public static final LeaderElectionOptions DISABLED =
      new LeaderElectionOptions(
          false,
          DEFAULT_ID,
          "keda",
          Duration.ofSeconds(15),
          Duration.ofSeconds(10),
          Duration.ofSeconds(2));

  public LeaderElectionOptions {
    if (enabled) {
      if (id == null || id.isBlank()) {
        throw new UserFacingException("--leader-election-id must not be empty");
      }
      if (retryPeriod.isNegative() || retryPeriod.isZero()) {
        throw new UserFacingException("--retry-period must be positive");
      }
      if (renewDeadline.compareTo(retryPeriod) <= 0) {
        throw new UserFacingException("--renew-deadline must be longer than --retry-period");
      }
      if (leaseDuration.compareTo(renewDeadline) <= 0) {
        throw new UserFacingException("--lease-duration must be longer than --renew-deadline");
      }
    }
  }

  /** Election with KEDA's timings in {@code namespace} under {@code id}. */
  public static LeaderElectionOptions enabled(String id, String namespace) {
    return new LeaderElectionOptions(
        true, id, namespace, Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2));
  }

  /**
   * The Lease namespace when no flag gives one: POD_NAMESPACE, else the in-cluster service
   * account's namespace, else {@code keda}.
   */
  static String defaultNamespace(String podNamespace, Path serviceAccountNamespace) {
    if (podNamespace != null && !podNamespace.isBlank()) {
      return podNamespace.trim();
    }
    try {
      if (Files.isReadable(serviceAccountNamespace)) {
        String own = Files.readString(serviceAccountNamespace, StandardCharsets.UTF_8).trim();
        if (!own.isEmpty()) {
          return own;
        }
      }
    } catch (IOException e) {
      // fall through to KEDA's default
    }
    return "keda";
  }
}
