package dev.keda4j.adapter.tls;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps TLS material built from a set of files (certificates, keys) in step with those files. Every
 * interval it reads them off the event loop ({@code executeBlocking}) and compares their content —
 * not timestamps: a Secret volume update swaps a {@code ..data} symlink, which leaves the files'
 * own mtimes meaningless. Changed content is parsed and, when that succeeds, handed to the applier
 * on the event loop. A set that does not parse (a half-written update, a garbage key) is logged
 * once as a warning and the material in use stays; the next change of the files is tried again.
 *
 * <p>Logs name the files and the parser's message, never file content: parsers must not put key
 * bytes into their messages ({@link Pem}'s do not).
 *
 * <p>Checks are chained (the next one is scheduled when the previous one has finished), so a slow
 * disk never piles them up. {@link #close()} cancels the pending check.
 *
 * @param <T> the parsed material
 */
public final class FileSetReloader<T> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FileSetReloader.class);

  /** How often the serving certificate and the channel certificates are checked by default. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

  /** Builds the material from the files' bytes, in the order the files were given. */
  @FunctionalInterface
  public interface Parser<T> {
    /**
     * @throws Exception when the bytes are not a usable set; the message is logged, so it must not
     *     contain key material
     */
    T parse(List<byte[]> contents) throws Exception;
  }

  /** Puts new material to use; called on the event loop. */
  @FunctionalInterface
  public interface Applier<T> {
    /** A failed future keeps the old material (logged once, like a parse failure). */
    Future<?> apply(T material);
  }

  private final Vertx vertx;
  private final String what;
  private final List<Path> files;
  private final Duration interval;
  private final Parser<T> parser;

  // written by the one check in flight (worker, then event loop) and read by the next: volatile
  // is enough, checks never overlap
  private volatile String seen;
  private volatile String applied;

  private final Object timerLock = new Object();
  private long timer = -1;
  private boolean closed;

  /**
   * @param vertx the Vert.x instance (not closed)
   * @param what what the files are, for logs (e.g. "metrics channel certificates in /certs")
   * @param files the files, read together
   * @param interval time between the end of one check and the start of the next
   * @param parser builds the material; runs on a worker thread
   */
  public FileSetReloader(
      Vertx vertx, String what, List<Path> files, Duration interval, Parser<T> parser) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.what = Objects.requireNonNull(what, "what");
    this.files = List.copyOf(files);
    this.interval = Objects.requireNonNull(interval, "interval");
    this.parser = Objects.requireNonNull(parser, "parser");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("reload interval must be positive: " + interval);
    }
  }

  /**
   * Reads and parses the files now, in the calling thread (blocking I/O: not on an event loop), and
   * takes the result as the material in use; only later changes are applied by {@link #start}.
   *
   * @throws IOException naming the files' set and why it is not usable (missing, unreadable, does
   *     not parse)
   */
  public T load() throws IOException {
    Snapshot snapshot = read();
    seen = snapshot.signature();
    Parsed<T> p = tryParse(snapshot);
    if (p.problem() != null) {
      throw new IOException(what + " unusable: " + p.problem());
    }
    applied = snapshot.signature();
    return p.material();
  }

  /**
   * As {@link #load()}, for a caller that can start without the files: empty, with a warning, when
   * they do not parse; a later, valid change is then applied.
   */
  public Optional<T> loadNow() {
    Snapshot snapshot = read();
    seen = snapshot.signature();
    Optional<T> parsed = parse(snapshot);
    parsed.ifPresent(p -> applied = snapshot.signature());
    return parsed;
  }

  /**
   * Starts checking the files every interval. Call {@link #load()} or {@link #loadNow()} first, or
   * the first check applies the files' current content.
   */
  public void start(Applier<T> applier) {
    Objects.requireNonNull(applier, "applier");
    scheduleNext(applier);
  }

  /** Stops checking; a check already reading the files finishes without applying. */
  @Override
  public void close() {
    synchronized (timerLock) {
      closed = true;
      if (timer >= 0) {
        vertx.cancelTimer(timer);
        timer = -1;
      }
    }
  }

  private boolean isClosed() {
    synchronized (timerLock) {
      return closed;
    }
  }

  private void scheduleNext(Applier<T> applier) {
    synchronized (timerLock) {
      if (!closed) {
        timer = vertx.setTimer(interval.toMillis(), id -> check(applier));
      }
    }
  }

  private void check(Applier<T> applier) {
    synchronized (timerLock) {
      timer = -1;
    }
    vertx
        .executeBlocking(this::changed, false)
        .compose(
            change -> {
              if (change.isEmpty() || isClosed()) {
                return Future.succeededFuture();
              }
              Change<T> c = change.get();
              Future<?> applying;
              try {
                applying = applier.apply(c.material());
              } catch (RuntimeException e) {
                applying = Future.failedFuture(e);
              }
              return applying
                  .onSuccess(
                      ignored -> {
                        applied = c.signature();
                        LOG.info("{}: reloaded, new connections use {}", what, c.material());
                      })
                  .onFailure(
                      e ->
                          LOG.warn(
                              "{}: changed but not applied, keeping the material in use: {}",
                              what,
                              messageOf(e)));
            })
        .onComplete(ignored -> scheduleNext(applier));
  }

  /** The parsed new content, if the files changed since the last look and parse. */
  private Optional<Change<T>> changed() {
    if (isClosed()) {
      return Optional.empty();
    }
    Snapshot snapshot = read();
    if (snapshot.signature().equals(seen)) {
      LOG.debug("{}: unchanged", what);
      return Optional.empty();
    }
    seen = snapshot.signature();
    if (snapshot.signature().equals(applied)) {
      LOG.info("{}: back to the content in use", what);
      return Optional.empty();
    }
    return parse(snapshot).map(m -> new Change<>(m, snapshot.signature()));
  }

  private Optional<T> parse(Snapshot snapshot) {
    Parsed<T> p = tryParse(snapshot);
    if (p.problem() != null) {
      LOG.warn("{}: not loaded, keeping the material in use: {}", what, p.problem());
    }
    return Optional.ofNullable(p.material());
  }

  private Parsed<T> tryParse(Snapshot snapshot) {
    if (snapshot.problem() != null) {
      return new Parsed<>(null, snapshot.problem());
    }
    try {
      return new Parsed<>(
          Objects.requireNonNull(parser.parse(snapshot.contents()), "parsed"), null);
    } catch (Exception e) {
      return new Parsed<>(null, messageOf(e));
    }
  }

  private record Parsed<T>(T material, String problem) {}

  /**
   * The files' bytes and a signature of them: a SHA-256 over each file's length and bytes, or, when
   * one cannot be read, the reason (then {@code contents} is null and {@code problem} says why).
   */
  private Snapshot read() {
    List<byte[]> contents = new ArrayList<>(files.size());
    MessageDigest sha = sha256();
    for (Path file : files) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        String problem =
            file
                + (e instanceof NoSuchFileException
                    ? " is missing"
                    : " is unreadable (" + messageOf(e) + ")");
        return new Snapshot("! " + problem, null, problem);
      }
      sha.update(ByteBuffer.allocate(Long.BYTES).putLong(bytes.length).flip());
      sha.update(bytes);
      contents.add(bytes);
    }
    return new Snapshot(HexFormat.of().formatHex(sha.digest()), contents, null);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }

  private static String messageOf(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  private record Snapshot(String signature, List<byte[]> contents, String problem) {}

  private record Change<T>(T material, String signature) {}
}
