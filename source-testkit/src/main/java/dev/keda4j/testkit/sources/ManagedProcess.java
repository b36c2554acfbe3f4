package dev.keda4j.testkit.sources;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A child process started by a fixture: output captured to a log file, a bounded readiness wait,
 * and killed (by PID, with its descendants) on {@link #close()} and on JVM exit.
 */
public final class ManagedProcess implements AutoCloseable {
  private static final Set<ManagedProcess> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> List.copyOf(LIVE).forEach(ManagedProcess::close), "k4j-process-reaper"));
  }

  private final String name;
  private final Process process;
  private final Path log;

  private ManagedProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code command}, then waits up to {@code timeout} for {@code ready}. On failure the
   * process is killed and a {@link SourceUnavailableException} carries the tail of its log.
   *
   * @param name short name for messages and the log file, e.g. "nats-server"
   * @param command the program and its arguments
   * @param workDir working directory; the log file {@code <name>.log} is written there
   * @param timeout how long to wait for readiness
   * @param ready readiness probe, polled every 100 ms
   */
  public static ManagedProcess start(
      String name, List<String> command, Path workDir, Duration timeout, BooleanSupplier ready) {
    Path log = workDir.resolve(name + ".log");
    Process p;
    try {
      p =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
              .start();
    } catch (IOException e) {
      throw new SourceUnavailableException(
          name + " could not be started (" + String.join(" ", command) + "): " + e.getMessage(), e);
    }
    ManagedProcess mp = new ManagedProcess(name, p, log);
    LIVE.add(mp);
    boolean ok = Sources.await(timeout, () -> !p.isAlive() || ready.getAsBoolean());
    if (!ok || !p.isAlive()) {
      String tail = mp.logTail(15);
      mp.close();
      throw new SourceUnavailableException(
          name
              + (ok
                  ? " exited with " + p.exitValue()
                  : " not ready within " + timeout.toSeconds() + " s")
              + " (command: "
              + String.join(" ", command)
              + "); log "
              + log
              + ": "
              + tail.replace('\n', '|'),
          null);
    }
    return mp;
  }

  private static java.io.File nullDevice() {
    return new java.io.File(
        System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  /**
   * Runs a short command to completion, returning its combined output; fails on a non-zero exit.
   */
  public static String run(List<String> command, Duration timeout) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out: " + String.join(" ", command));
      }
      String text = new String(out, StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", command) + " exited with " + p.exitValue() + ": " + text.strip());
      }
      return text;
    } catch (IOException e) {
      throw new IllegalStateException("could not run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Path logFile() {
    return log;
  }

  /** The last {@code lines} lines of the captured output. */
  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | java.io.UncheckedIOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Kills the process and its descendants: SIGTERM, then SIGKILL after 5 s. */
  @Override
  public void close() {
    LIVE.remove(this);
    ProcessHandle h = process.toHandle();
    List<ProcessHandle> children = h.descendants().toList();
    h.destroy();
    children.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        h.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      h.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  @Override
  public String toString() {
    return name + "[pid " + process.pid() + "]";
  }
}
