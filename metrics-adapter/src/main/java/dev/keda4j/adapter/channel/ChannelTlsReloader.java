package dev.keda4j.adapter.channel;

import dev.keda4j.adapter.tls.FileSetReloader;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Re-reads a {@link ChannelTls} directory while the channel runs, so a rotated Secret (cert-manager
 * renewal, new CA) reaches new connections without a restart: every interval (10 s by default, as
 * the serving certificate) the three files are compared by content off the event loop; a changed
 * set that passes {@link ChannelTls#parse} is applied, a set that does not (half written, garbage
 * key, identity not issued by the CA) is logged once as a warning and the material in use stays.
 */
final class ChannelTlsReloader implements AutoCloseable {
  /** Default time between two checks. */
  static final Duration DEFAULT_INTERVAL = FileSetReloader.DEFAULT_INTERVAL;

  private final FileSetReloader<ChannelTls.Material> files;

  /**
   * @param side "server" or "client", for logs
   */
  ChannelTlsReloader(Vertx vertx, ChannelTls tls, Duration interval, String side) {
    this.files =
        new FileSetReloader<>(
            vertx,
            "metrics channel " + side + " certificates in " + tls.dir(),
            tls.files(),
            interval,
            ChannelTls::parse);
  }

  /** Reads the files now, blocking; empty (logged) when they are not a usable set. */
  Optional<ChannelTls.Material> loadNow() {
    return files.loadNow();
  }

  /** Checks the files every interval and applies each new usable set. */
  void start(Function<ChannelTls.Material, Future<?>> apply) {
    files.start(apply::apply);
  }

  @Override
  public void close() {
    files.close();
  }
}
