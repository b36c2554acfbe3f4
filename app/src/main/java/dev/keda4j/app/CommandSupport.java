package dev.keda4j.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the long-running commands ({@code run}, {@code adapter}) share: log level and shutdown. */
final class CommandSupport {
  private static final Logger LOG = LoggerFactory.getLogger(CommandSupport.class);

  private CommandSupport() {}

  /** Waits for a shutdown to finish; a shutdown that overruns is logged, not fatal. */
  static void awaitQuietly(CountDownLatch latch, Duration timeout) {
    try {
      if (!latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("shutdown did not finish within {}", timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Sets the root level from {@code --log-level}; an unknown level is a user error. */
  static void applyLogLevel(String level) {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      Level parsed = Level.toLevel(level, null);
      if (parsed == null) {
        throw new UserFacingException(
            "--log-level " + level + " is not one of error, warn, info, debug, trace");
      }
      context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(parsed);
    }
  }
}
