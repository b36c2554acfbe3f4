package dev.keda4j.adapter.channel;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Finds the leading controller replica's address (its pod IP), e.g. from the leader election
 * Lease's {@code holderIdentity} ({@code <POD_NAME>_<POD_IP>}). Must not block the caller.
 */
@FunctionalInterface
public interface LeaderLocator {
  /** The leader's host or IP, or empty when no replica leads right now. */
  CompletionStage<Optional<String>> leader();
}
