package dev.keda4j.testkit.sources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** Helpers shared by the fixtures: environment, unique names, free ports, temp dirs, polling. */
public final class Sources {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Sources() {}

  /** The value of {@code name}, or {@code fallback} when it is unset or blank. */
  public static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v.trim();
  }

  /** Whether {@code name} is set to a non-blank value. */
  public static boolean envSet(String name) {
    String v = System.getenv(name);
    return v != null && !v.isBlank();
  }

  /** A unique name like {@code k4j-3f9a0c1b}: lower case letters, digits and one dash. */
  public static String uniqueName() {
    return uniqueName("k4j-");
  }

  /** A unique name with the given prefix, e.g. {@code uniqueName("k4j_")} for SQL identifiers. */
  public static String uniqueName(String prefix) {
    StringBuilder sb = new StringBuilder(prefix);
    for (int i = 0; i < 10; i++) {
      sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  /** A TCP port on 127.0.0.1 that was free a moment ago. */
  public static int freePort() {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(false);
      s.bind(new InetSocketAddress("127.0.0.1", 0));
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }

  /** Whether something accepts TCP connections at host:port. */
  public static boolean listening(String host, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Polls {@code condition} every 100 ms; false when {@code timeout} passes first. */
  public static boolean await(Duration timeout, BooleanSupplier condition) {
    long end = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (condition.getAsBoolean()) {
        return true;
      }
      if (System.nanoTime() > end) {
        return false;
      }
      sleep(Duration.ofMillis(100));
    }
  }

  /** Sleeps, restoring the interrupt flag (and failing) when interrupted. */
  public static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** A fresh temporary directory; delete it with {@link #deleteRecursively(Path)}. */
  public static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a directory tree, ignoring what cannot be deleted. */
  public static void deleteRecursively(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(Sources::deleteQuietly);
    } catch (IOException e) {
      // best effort: a leftover temp dir is harmless
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // best effort
    }
  }

  /** Shared JDK HTTP client (5 s connect timeout). */
  public static HttpClient http() {
    return HTTP;
  }

  /** GET {@code url}; returns the response (any status) or throws on a connection failure. */
  public static HttpResponse<String> httpGet(String url) throws IOException {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build();
    return send(req);
  }

  /** Sends a request, converting interruption into an unchecked failure. */
  public static HttpResponse<String> send(HttpRequest req) throws IOException {
    try {
      return HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** The first executable named {@code name} on PATH, or null. */
  public static Path onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }
}
