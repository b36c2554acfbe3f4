package dev.keda4j.testkit.sources;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Azure Storage Queue on Azurite. By default it starts a private {@code azurite-queue} (npm {@code
 * azurite@3.35.0}, found on PATH or under {@code npm prefix -g}) on a free port with in-memory
 * persistence; set {@code KEDA4J_AZURITE_QUEUE} to an existing queue endpoint (e.g. {@code
 * http://127.0.0.1:10001/devstoreaccount1}) instead. Talks plain REST with SharedKey auth using the
 * well-known {@code devstoreaccount1} key; queues created here are deleted after the class.
 */
public final class AzuriteFixture extends AbstractFixture {
  public static final String ENV = "KEDA4J_AZURITE_QUEUE";
  public static final String ACCOUNT = "devstoreaccount1";
  public static final String KEY =
      "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
  private static final String VERSION = "2021-12-02";
  private static final String INSTALL = "npm install -g azurite@3.35.0 (or scripts/services.sh)";

  private String endpoint;
  private ManagedProcess process;
  private Path dir;

  @Override
  protected void doStart() {
    if (Sources.envSet(ENV)) {
      endpoint = stripSlash(Sources.env(ENV, ""));
    } else {
      startPrivate();
    }
    try {
      HttpResponse<String> r = request("GET", "", Map.of("comp", "list"), null);
      if (r.statusCode() != 200) {
        throw new IOException("list queues answered HTTP " + r.statusCode() + ": " + r.body());
      }
    } catch (IOException e) {
      stopPrivate();
      throw SourceUnavailableException.of(
          "Azurite queue",
          endpoint,
          ENV,
          "azurite-queue --queueHost 127.0.0.1 ... ; " + INSTALL,
          e);
    }
  }

  private void startPrivate() {
    Path bin = findBinary();
    int port = Sources.freePort();
    endpoint = "http://127.0.0.1:" + port + "/" + ACCOUNT;
    if (bin == null) {
      throw SourceUnavailableException.of(
          "Azurite queue (azurite-queue not on PATH nor under npm prefix -g)",
          endpoint,
          ENV,
          INSTALL,
          null);
    }
    dir = Sources.tempDir("k4j-azurite-");
    List<String> cmd =
        List.of(
            bin.toString(),
            "--queueHost",
            "127.0.0.1",
            "--queuePort",
            Integer.toString(port),
            "--inMemoryPersistence",
            "--disableTelemetry");
    try {
      process =
          ManagedProcess.start(
              "azurite-queue",
              cmd,
              dir,
              Duration.ofSeconds(30),
              () -> Sources.listening("127.0.0.1", port));
    } catch (SourceUnavailableException e) {
      Sources.deleteRecursively(dir);
      dir = null;
      throw SourceUnavailableException.of(
          "Azurite queue (private azurite-queue)", endpoint, ENV, INSTALL, e);
    }
  }

  private static Path findBinary() {
    Path p = Sources.onPath("azurite-queue");
    if (p != null) {
      return p;
    }
    try {
      String prefix = ManagedProcess.run(List.of("npm", "prefix", "-g"), Duration.ofSeconds(30));
      String last = prefix.strip().lines().reduce((a, b) -> b).orElse("");
      Path candidate = Path.of(last, "bin", "azurite-queue");
      return Files.isExecutable(candidate) ? candidate : null;
    } catch (IllegalStateException e) {
      return null;
    }
  }

  private void stopPrivate() {
    if (process != null) {
      process.close();
      process = null;
    }
    Sources.deleteRecursively(dir);
    dir = null;
  }

  @Override
  protected void doClose() {
    stopPrivate();
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /** The queue service endpoint, e.g. {@code http://127.0.0.1:41234/devstoreaccount1}. */
  public String queueEndpoint() {
    requireStarted();
    return endpoint;
  }

  /**
   * The storage connection string for the Azurite account (as KEDA's {@code connectionFromEnv}).
   */
  public String connectionString() {
    return "DefaultEndpointsProtocol=http;AccountName="
        + ACCOUNT
        + ";AccountKey="
        + KEY
        + ";QueueEndpoint="
        + queueEndpoint()
        + ";";
  }

  /** Creates a unique queue, deleted after the class. */
  public String createQueue() {
    requireStarted();
    String q = Sources.uniqueName();
    check(request("PUT", "/" + q, Map.of(), null), "create queue " + q);
    onClose(() -> request("DELETE", "/" + q, Map.of(), null));
    return q;
  }

  /** Puts {@code n} messages on {@code queue}. */
  public void putMessages(String queue, int n) {
    for (int i = 0; i < n; i++) {
      String text = Base64.getEncoder().encodeToString(("m" + i).getBytes(StandardCharsets.UTF_8));
      check(
          request(
              "POST",
              "/" + queue + "/messages",
              Map.of(),
              "<QueueMessage><MessageText>" + text + "</MessageText></QueueMessage>"),
          "put message on " + queue);
    }
  }

  /** The service's {@code x-ms-approximate-messages-count} for {@code queue}. */
  public long approximateMessageCount(String queue) {
    HttpResponse<String> r =
        check(request("GET", "/" + queue, Map.of("comp", "metadata"), null), "metadata");
    return Long.parseLong(r.headers().firstValue("x-ms-approximate-messages-count").orElse("-1"));
  }

  /** How many messages a peek (up to 32) returns. */
  public int peekCount(String queue) {
    HttpResponse<String> r =
        check(
            request(
                "GET",
                "/" + queue + "/messages",
                Map.of("peekonly", "true", "numofmessages", "32"),
                null),
            "peek " + queue);
    return r.body().split("<QueueMessage>", -1).length - 1;
  }

  private static HttpResponse<String> check(HttpResponse<String> r, String what) {
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(what + ": HTTP " + r.statusCode() + " " + r.body());
    }
    return r;
  }

  private HttpResponse<String> request(
      String method, String path, Map<String, String> query, String xmlBody) {
    try {
      return signedRequest(method, path, query, xmlBody);
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + endpoint + path + ": " + e.getMessage(), e);
    }
  }

  /** One REST call, signed with SharedKey (Azure Storage, version {@value #VERSION}). */
  private HttpResponse<String> signedRequest(
      String method, String path, Map<String, String> query, String xmlBody) throws IOException {
    URI base = URI.create(endpoint + path);
    StringBuilder q = new StringBuilder();
    TreeMap<String, String> sorted = new TreeMap<>();
    query.forEach((k, v) -> sorted.put(k.toLowerCase(Locale.ROOT), v));
    sorted.forEach((k, v) -> q.append(q.length() == 0 ? "?" : "&").append(k).append('=').append(v));
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
    byte[] body = xmlBody == null ? new byte[0] : xmlBody.getBytes(StandardCharsets.UTF_8);
    String contentType = xmlBody == null ? "" : "application/xml";
    StringBuilder resource = new StringBuilder("/" + ACCOUNT + base.getRawPath());
    sorted.forEach(
        (k, v) ->
            resource
                .append('\n')
                .append(k)
                .append(':')
                .append(URLDecoder.decode(v, StandardCharsets.UTF_8)));
    String toSign =
        String.join(
                "\n",
                method,
                "",
                "",
                body.length == 0 ? "" : Integer.toString(body.length),
                "",
                contentType,
                "",
                "",
                "",
                "",
                "",
                "")
            + "\nx-ms-date:"
            + date
            + "\nx-ms-version:"
            + VERSION
            + "\n"
            + resource;
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(endpoint + path + q))
            .timeout(Duration.ofSeconds(10))
            .header("x-ms-date", date)
            .header("x-ms-version", VERSION)
            .header("Authorization", "SharedKey " + ACCOUNT + ":" + sign(toSign))
            .method(
                method,
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (!contentType.isEmpty()) {
      b.header("Content-Type", contentType);
    }
    return Sources.send(b.build());
  }

  private static String sign(String toSign) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(KEY), "HmacSHA256"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
