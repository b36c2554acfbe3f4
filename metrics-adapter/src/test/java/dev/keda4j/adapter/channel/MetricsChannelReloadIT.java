package dev.keda4j.adapter.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.keda4j.adapter.MetricsSource;
import dev.keda4j.adapter.testing.TestPki;
import dev.keda4j.adapter.tls.FileSetReloader;
import dev.keda4j.adapter.tls.KeyMaterial;
import dev.keda4j.adapter.tls.Pem;
import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.Quantity;
import io.vertx.core.Vertx;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Rotation of the metrics channel's certificate files while both ends run, over real mutual TLS on
 * loopback. The directories are laid out like a mounted Secret ({@code ..data} symlink swapped
 * atomically). "New connection" checks use fresh clients (raw JDK TLS sockets, fresh sources), so
 * nothing depends on whether an old connection is reused.
 */
class MetricsChannelReloadIT {
  private static final Duration FAST = Duration.ofMillis(100);
  private static final Duration NEVER = Duration.ofHours(1);
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String QUERY = "/v1/metrics?namespace=apps&name=web&metric=m";
  private static final String GARBAGE_KEY =
      "-----BEGIN PRIVATE KEY-----\nZ2FyYmFnZSwgbm90IGEga2V5\n-----END PRIVATE KEY-----\n";

  static Vertx vertx;
  static ListAppender<ILoggingEvent> logs;
  static Level levelBefore;
  @TempDir static Path dir;

  private final List<MetricsChannelServer.Running> servers = new ArrayList<>();
  private final List<RemoteMetricsSource> sources = new ArrayList<>();

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    Logger logger = (Logger) LoggerFactory.getLogger(FileSetReloader.class);
    levelBefore = logger.getLevel();
    logger.setLevel(Level.DEBUG);
    logs = new ListAppender<>();
    logs.start();
    logger.addAppender(logs);
  }

  @AfterAll
  static void stop() {
    Logger logger = (Logger) LoggerFactory.getLogger(FileSetReloader.class);
    logger.detachAppender(logs);
    logger.setLevel(levelBefore);
    vertx.close().await();
  }

  @AfterEach
  void closeAll() {
    sources.forEach(RemoteMetricsSource::close);
    servers.forEach(s -> s.close().toCompletableFuture().join());
  }

  // ---- the scenarios

  @Test
  void rotationToANewCaReachesNewConnectionsOnBothEnds() throws Exception {
    TestPki ca1 = new TestPki("channel-ca-1");
    ChannelTls controller = publish(dir.resolve("rot/controller"), ca1, ca1.peer("ctl-1"));
    KeyMaterial adapter1 = ca1.peer("adapter-1");
    ChannelTls adapter = publish(dir.resolve("rot/adapter"), ca1, adapter1);
    AtomicBoolean firstLeads = new AtomicBoolean(true);
    var first = serve("127.0.0.1", 0, controller, 1_000, firstLeads);
    AtomicReference<String> lease = new AtomicReference<>("127.0.0.1");
    var source = remote(adapter, () -> lease.get(), first.port(), FAST);
    // the control: the same files, never re-read
    var stale = remote(adapter, () -> "127.0.0.2", first.port(), NEVER);

    assertEquals(Quantity.ofMilli(1_000), read(source).value());
    assertEquals("HTTP/1.1 200 OK", statusLine(first.port(), adapter1));
    assertEquals("CN=ctl-1", handshake(first.port(), adapter1).serverSubject());

    TestPki ca2 = new TestPki("channel-ca-2");
    KeyMaterial adapter2 = ca2.peer("adapter-2");
    publish(dir.resolve("rot/controller"), ca2, ca2.peer("ctl-2"));
    publish(dir.resolve("rot/adapter"), ca2, adapter2);

    // the server: new connections see the new identity and must present a CA2 identity
    awaitTrue(
        () -> "CN=ctl-2".equals(handshakeOrNull(first.port(), adapter2)),
        "the server presents its new certificate");
    assertEquals("HTTP/1.1 200 OK", statusLine(first.port(), adapter2));
    assertThrows(IOException.class, () -> statusLine(first.port(), adapter1));
    assertThrows(IOException.class, () -> statusLine(first.port(), null));
    Handshake h2 = handshake(first.port(), adapter2);
    assertEquals("h2", h2.alpn(), "HTTP/2 is still offered after the reload");
    // a fresh adapter end (Vert.x, HTTP/2) with the new files talks to the reloaded server
    var fresh = remote(adapter, () -> "127.0.0.1", first.port(), FAST);
    assertEquals(Quantity.ofMilli(1_000), read(fresh).value());

    // the adapter end: a new connection to a replica started with the CA2 files only works with
    // the reloaded client material; the source that never re-reads cannot
    awaitTrue(
        () ->
            messages(Level.INFO, "client certificates in " + adapter.dir()).stream()
                .anyMatch(m -> m.contains("reloaded") && m.contains("CN=adapter-2")),
        "the adapter end reloads");
    serve("127.0.0.2", first.port(), controller, 2_000, new AtomicBoolean(true));
    firstLeads.set(false);
    lease.set("127.0.0.2");
    assertEquals(Quantity.ofMilli(2_000), read(source).value());
    Throwable staleFailure = failure(stale);
    assertTrue(
        staleFailure.getMessage().contains("no leading controller answered"),
        staleFailure.getMessage());

    List<String> reloaded = messages(Level.INFO, "reloaded");
    assertTrue(
        reloaded.stream().anyMatch(m -> m.contains("server certificates in " + controller.dir())),
        reloaded.toString());
    assertTrue(
        reloaded.stream()
            .anyMatch(
                m ->
                    m.contains("client certificates in " + adapter.dir())
                        && m.contains("CN=adapter-2")),
        reloaded.toString());
  }

  @Test
  void anInvalidSetKeepsThePreviousMaterialAndIsWarnedOnce() throws Exception {
    TestPki ca = new TestPki("channel-ca-bad");
    KeyMaterial ctl = ca.peer("ctl");
    KeyMaterial adapterIdentity = ca.peer("adapter");
    ChannelTls controller = publish(dir.resolve("bad/controller"), ca, ctl);
    ChannelTls adapter = publish(dir.resolve("bad/adapter"), ca, adapterIdentity);
    ChannelTls spareController = publish(dir.resolve("bad/controller-spare"), ca, ca.peer("ctl-2"));
    ChannelTls spareAdapter = publish(dir.resolve("bad/adapter-spare"), ca, ca.peer("adapter-2"));
    AtomicBoolean firstLeads = new AtomicBoolean(true);
    var first = serve("127.0.0.1", 0, controller, 1_000, firstLeads);
    AtomicReference<String> lease = new AtomicReference<>("127.0.0.1");
    var source = remote(adapter, () -> lease.get(), first.port(), FAST);
    assertEquals(Quantity.ofMilli(1_000), read(source).value());

    publish(controller.dir(), pem(ca.ca()), pem(ctl.chain().toArray()), GARBAGE_KEY);
    publish(adapter.dir(), pem(ca.ca()), pem(adapterIdentity.chain().toArray()), GARBAGE_KEY);
    String serverWhat = "metrics channel server certificates in " + controller.dir();
    String clientWhat = "metrics channel client certificates in " + adapter.dir();
    awaitTrue(() -> !messages(Level.WARN, serverWhat).isEmpty(), "the server end warns of the set");
    awaitTrue(
        () -> !messages(Level.WARN, clientWhat).isEmpty(), "the adapter end warns of the set");

    // the server keeps its identity and trust for new connections
    assertEquals("HTTP/1.1 200 OK", statusLine(first.port(), adapterIdentity));
    assertEquals("CN=ctl", handshake(first.port(), adapterIdentity).serverSubject());
    var fresh = remote(spareAdapter, () -> "127.0.0.1", first.port(), FAST);
    assertEquals(Quantity.ofMilli(1_000), read(fresh).value());
    // the adapter end keeps its identity and trust for a new connection
    serve("127.0.0.2", first.port(), spareController, 2_000, new AtomicBoolean(true));
    firstLeads.set(false);
    lease.set("127.0.0.2");
    assertEquals(Quantity.ofMilli(2_000), read(source).value());

    // once: the unchanged invalid set is looked at again and again without another warning
    int checksBefore = messages(Level.DEBUG, serverWhat + ": unchanged").size();
    awaitTrue(
        () -> messages(Level.DEBUG, serverWhat + ": unchanged").size() >= checksBefore + 3,
        "three more checks of the server's files");
    List<String> warnings = messages(Level.WARN, serverWhat);
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("tls.key"), warnings.get(0));
    assertEquals(1, messages(Level.WARN, clientWhat).size());
    List<String> keyLines = new ArrayList<>(List.of("Z2FyYmFnZSwgbm90IGEga2V5", "-----BEGIN"));
    for (KeyMaterial k : List.of(ctl, adapterIdentity)) {
      pem(k.key()).lines().filter(l -> !l.startsWith("-----")).forEach(keyLines::add);
    }
    for (String m : messages(null, "")) {
      for (String line : keyLines) {
        assertFalse(m.contains(line), m);
      }
    }

    // a valid set after the invalid one is applied
    publish(controller.dir(), ca, ca.peer("ctl-3"));
    awaitTrue(
        () -> "CN=ctl-3".equals(handshakeOrNull(first.port(), adapterIdentity)),
        "the next valid set is applied");
  }

  @Test
  void closedEndsStopChecking() throws Exception {
    TestPki ca = new TestPki("channel-ca-close");
    ChannelTls controller = publish(dir.resolve("close/controller"), ca, ca.peer("ctl"));
    ChannelTls adapter = publish(dir.resolve("close/adapter"), ca, ca.peer("adapter"));
    ChannelTls witness = publish(dir.resolve("close/witness"), ca, ca.peer("witness"));
    var server = serve("127.0.0.1", 0, controller, 1_000, new AtomicBoolean(true));
    var source = remote(adapter, () -> "127.0.0.1", server.port(), FAST);
    assertEquals(Quantity.ofMilli(1_000), read(source).value());
    String serverWhat = "server certificates in " + controller.dir() + ": unchanged";
    String clientWhat = "client certificates in " + adapter.dir() + ": unchanged";
    awaitTrue(() -> !messages(Level.DEBUG, serverWhat).isEmpty(), "the server end checks");
    awaitTrue(() -> !messages(Level.DEBUG, clientWhat).isEmpty(), "the adapter end checks");

    servers.remove(server);
    server.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
    sources.remove(source);
    source.close();
    // a source still running, with the same interval, checks three times meanwhile (counted from
    // its first check, so a check of the closed ends already reading the files is over)
    remote(witness, () -> "127.0.0.1", 9, FAST);
    String witnessWhat = "client certificates in " + witness.dir() + ": unchanged";
    awaitTrue(() -> !messages(Level.DEBUG, witnessWhat).isEmpty(), "another source checks");
    int serverChecks = messages(Level.DEBUG, serverWhat).size();
    int clientChecks = messages(Level.DEBUG, clientWhat).size();
    awaitTrue(
        () -> messages(Level.DEBUG, witnessWhat).size() >= 4, "three more checks of that source");

    assertEquals(serverChecks, messages(Level.DEBUG, serverWhat).size());
    assertEquals(clientChecks, messages(Level.DEBUG, clientWhat).size());
  }

  // ---- fixtures

  private MetricsChannelServer.Running serve(
      String host, int port, ChannelTls tls, long milli, AtomicBoolean leading) throws Exception {
    MetricsSource values =
        (ns, so, metric) ->
            CompletableFuture.completedFuture(
                List.of(new MetricValue(metric + "@" + ns + "/" + so, Quantity.ofMilli(milli))));
    MetricsChannelServer.Running s =
        MetricsChannelServer.start(
                vertx, host, port, tls, values, leading::get, Duration.ofSeconds(5), FAST)
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    servers.add(s);
    return s;
  }

  private RemoteMetricsSource remote(
      ChannelTls tls, Supplier<String> leader, int port, Duration reloadInterval) {
    LeaderLocator locator = () -> CompletableFuture.completedFuture(Optional.of(leader.get()));
    RemoteMetricsSource s =
        new RemoteMetricsSource(vertx, tls, locator, port, Duration.ofSeconds(3), reloadInterval);
    sources.add(s);
    return s;
  }

  private static MetricValue read(MetricsSource s) throws Exception {
    List<MetricValue> values =
        s.read("apps", "web", "m").toCompletableFuture().get(15, TimeUnit.SECONDS);
    assertEquals(1, values.size());
    return values.get(0);
  }

  private static Throwable failure(MetricsSource s) {
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () -> s.read("apps", "web", "m").toCompletableFuture().get(15, TimeUnit.SECONDS));
    return e.getCause();
  }

  /**
   * Writes the three files as the kubelet updates a Secret volume: into a new directory, then the
   * {@code ..data} symlink is replaced by a rename, so a reader sees the old or the new set.
   */
  private static ChannelTls publish(Path target, String ca, String cert, String key)
      throws IOException {
    Files.createDirectories(target);
    Path version = Files.createTempDirectory(target, "..v");
    Files.writeString(version.resolve(ChannelTls.CA), ca);
    Files.writeString(version.resolve(ChannelTls.CERT), cert);
    Files.writeString(version.resolve(ChannelTls.KEY), key);
    Path next = target.resolve("..data_tmp");
    Files.deleteIfExists(next);
    Files.createSymbolicLink(next, version.getFileName());
    Files.move(next, target.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
    for (String name : List.of(ChannelTls.CA, ChannelTls.CERT, ChannelTls.KEY)) {
      Path link = target.resolve(name);
      if (!Files.isSymbolicLink(link)) {
        Files.createSymbolicLink(link, Path.of("..data", name));
      }
    }
    return new ChannelTls(target).checked();
  }

  private static ChannelTls publish(Path target, TestPki ca, KeyMaterial identity)
      throws IOException {
    return publish(target, pem(ca.ca()), pem(identity.chain().toArray()), pem(identity.key()));
  }

  private static String pem(Object... objects) {
    return Pem.encode(objects);
  }

  private record Handshake(String alpn, String serverSubject) {}

  /**
   * A new TLS connection presenting {@code identity} whatever CAs the server names (or nothing),
   * offering h2 and http/1.1; the handshake only (with TLS 1.3 the server's verdict on the client
   * certificate comes later, see {@link #statusLine}).
   */
  private static Handshake handshake(int port, KeyMaterial identity) throws IOException {
    try (SSLSocket socket = connect(port, identity, "h2", "http/1.1")) {
      socket.startHandshake();
      X509Certificate server = (X509Certificate) socket.getSession().getPeerCertificates()[0];
      return new Handshake(
          socket.getApplicationProtocol(), server.getSubjectX500Principal().getName());
    }
  }

  private static String handshakeOrNull(int port, KeyMaterial identity) {
    try {
      return handshake(port, identity).serverSubject();
    } catch (IOException e) {
      return null;
    }
  }

  /** A request over a new HTTP/1.1 connection; IOException when the server refuses it. */
  private static String statusLine(int port, KeyMaterial identity) throws IOException {
    try (SSLSocket socket = connect(port, identity, "http/1.1")) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + QUERY + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != '\r'; c = in.read()) {
        if (c < 0) {
          throw new EOFException("closed by the server after " + line.length() + " bytes");
        }
        line.append((char) c);
      }
      return line.toString();
    }
  }

  private static SSLSocket connect(int port, KeyMaterial identity, String... alpn)
      throws IOException {
    SSLSocket socket =
        (SSLSocket) TestPki.clientContext(identity).getSocketFactory().createSocket();
    try {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(5_000);
      SSLParameters params = socket.getSSLParameters();
      params.setApplicationProtocols(alpn);
      socket.setSSLParameters(params);
      return socket;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /** Formatted messages of this level (any when null) containing {@code text}. */
  private static List<String> messages(Level level, String text) {
    List<ILoggingEvent> events;
    synchronized (logs) {
      events = new ArrayList<>(logs.list);
    }
    return events.stream()
        .filter(e -> level == null || e.getLevel() == level)
        .map(ILoggingEvent::getFormattedMessage)
        .filter(m -> m.contains(text))
        .toList();
  }

  private static void awaitTrue(Supplier<Boolean> condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.get()) {
      if (System.nanoTime() > deadline) {
        fail("not within " + WAIT.toSeconds() + " s: " + what);
      }
      Thread.sleep(20);
    }
  }
}
