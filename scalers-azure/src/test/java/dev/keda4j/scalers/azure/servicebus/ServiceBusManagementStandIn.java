package dev.keda4j.scalers.azure.servicebus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stand-in for the Service Bus management API (no emulator can run here: the official one needs
 * Docker). Serves, over HTTPS, what the administration client reads: an entity as an Atom {@code
 * <entry>} whose {@code QueueDescription} / {@code SubscriptionDescription} holds {@code
 * CountDetails}; a missing entity as a {@code <feed>} with no entry; entity listings as feeds; and
 * 401 unless the {@code SharedAccessSignature} is well formed and signed with {@link #KEY}.
 */
final class ServiceBusManagementStandIn implements AutoCloseable {
  static final String KEY_NAME = "RootManageSharedAccessKey";
  static final String KEY = "c3RhbmQtaW4ta2V5LWZvci10ZXN0cy1vbmx5LTEyMzQ1Ng==";
  private static final String SB_NS =
      "http://schemas.microsoft.com/netservices/2010/10/servicebus/connect";
  private static final String COUNT_NS =
      "http://schemas.microsoft.com/netservices/2011/06/servicebus";
  private static final String TIME = "2024-01-01T00:00:00Z";

  /** Counts of one entity. */
  record Counts(long active, long deadLetter, long scheduled) {}

  private final HttpsServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final Map<String, Counts> queues = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Counts>> subscriptions = new ConcurrentHashMap<>();
  final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());

  ServiceBusManagementStandIn(SelfSignedTls tls) throws IOException {
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls.server));
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** {@code https://127.0.0.1:<port>}. */
  String baseUrl() {
    return "https://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A connection string for namespace {@code ns} signed with {@code key}. */
  static String connectionString(String ns, String key) {
    return "Endpoint=sb://"
        + ns
        + ".servicebus.windows.net/;SharedAccessKeyName="
        + KEY_NAME
        + ";SharedAccessKey="
        + key;
  }

  void queue(String name, Counts counts) {
    queues.put(name.toLowerCase(Locale.ROOT), counts);
  }

  void subscription(String topic, String sub, Counts counts) {
    subscriptions
        .computeIfAbsent(topic.toLowerCase(Locale.ROOT), t -> new ConcurrentHashMap<>())
        .put(sub, counts);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = URLDecoder.decode(ex.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
      requests.add(ex.getRequestMethod() + " " + ex.getRequestURI());
      if (!authorized(ex.getRequestHeaders().getFirst("Authorization"))) {
        send(
            ex,
            401,
            "<Error><Code>401</Code><Detail>InvalidSignature: bad or missing"
                + " SharedAccessSignature.</Detail></Error>");
        return;
      }
      String[] parts = path.substring(1).split("/");
      String host = ex.getRequestHeaders().getFirst("Host");
      if (parts.length == 2
          && parts[0].equalsIgnoreCase("$Resources")
          && parts[1].equalsIgnoreCase("queues")) {
        StringBuilder entries = new StringBuilder();
        queues.forEach((n, c) -> entries.append(entry(host, n, n, queueDescription(c))));
        send(ex, 200, feed(host, path, entries.toString()));
      } else if (parts.length == 1) {
        Counts c = queues.get(parts[0].toLowerCase(Locale.ROOT));
        send(
            ex,
            200,
            c == null
                ? feed(host, path, "")
                : xml(entry(host, parts[0], parts[0], queueDescription(c))));
      } else if (parts.length == 2 && parts[1].equalsIgnoreCase("subscriptions")) {
        StringBuilder entries = new StringBuilder();
        subscriptions
            .getOrDefault(parts[0].toLowerCase(Locale.ROOT), Map.of())
            .forEach(
                (n, c) ->
                    entries.append(
                        entry(
                            host,
                            parts[0] + "/Subscriptions/" + n,
                            n,
                            subscriptionDescription(c))));
        send(ex, 200, feed(host, path, entries.toString()));
      } else if (parts.length == 3 && parts[1].equalsIgnoreCase("subscriptions")) {
        Counts c =
            subscriptions.getOrDefault(parts[0].toLowerCase(Locale.ROOT), Map.of()).get(parts[2]);
        send(
            ex,
            200,
            c == null
                ? feed(host, path, "")
                : xml(entry(host, path.substring(1), parts[2], subscriptionDescription(c))));
      } else {
        send(ex, 404, "<Error><Code>404</Code><Detail>unknown path</Detail></Error>");
      }
    }
  }

  /** {@code SharedAccessSignature sr=<url>&sig=<b64>&se=<epoch>&skn=<name>}, signed with KEY. */
  private static boolean authorized(String header) {
    String prefix = "SharedAccessSignature ";
    if (header == null || !header.startsWith(prefix)) {
      return false;
    }
    Map<String, String> fields = new HashMap<>();
    for (String pair : header.substring(prefix.length()).split("&")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        return false;
      }
      fields.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    String sr = fields.get("sr");
    String sig = fields.get("sig");
    String se = fields.get("se");
    if (sr == null || sig == null || se == null || !KEY_NAME.equals(fields.get("skn"))) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] expected = mac.doFinal((sr + "\n" + se).getBytes(StandardCharsets.UTF_8));
      byte[] given = Base64.getDecoder().decode(URLDecoder.decode(sig, StandardCharsets.UTF_8));
      return MessageDigest.isEqual(expected, given);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private static String queueDescription(Counts c) {
    return "<QueueDescription xmlns=\""
        + SB_NS
        + "\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">"
        + "<LockDuration>PT1M</LockDuration><MaxSizeInMegabytes>1024</MaxSizeInMegabytes>"
        + "<RequiresDuplicateDetection>false</RequiresDuplicateDetection><RequiresSession>false</RequiresSession>"
        + "<DefaultMessageTimeToLive>P14D</DefaultMessageTimeToLive>"
        + "<DeadLetteringOnMessageExpiration>false</DeadLetteringOnMessageExpiration>"
        + "<DuplicateDetectionHistoryTimeWindow>PT10M</DuplicateDetectionHistoryTimeWindow>"
        + "<MaxDeliveryCount>10</MaxDeliveryCount><EnableBatchedOperations>true</EnableBatchedOperations>"
        + "<SizeInBytes>0</SizeInBytes><MessageCount>"
        + (c.active() + c.deadLetter() + c.scheduled())
        + "</MessageCount>"
        + "<IsAnonymousAccessible>false</IsAnonymousAccessible><Status>Active</Status>"
        + "<CreatedAt>"
        + TIME
        + "</CreatedAt><UpdatedAt>"
        + TIME
        + "</UpdatedAt><AccessedAt>"
        + TIME
        + "</AccessedAt>"
        + "<SupportOrdering>true</SupportOrdering>"
        + countDetails(c)
        + "<AutoDeleteOnIdle>P10675199DT2H48M5.4775807S</AutoDeleteOnIdle>"
        + "<EnablePartitioning>false</EnablePartitioning><EntityAvailabilityStatus>Available</EntityAvailabilityStatus>"
        + "<EnableExpress>false</EnableExpress>"
        + "</QueueDescription>";
  }

  private static String subscriptionDescription(Counts c) {
    return "<SubscriptionDescription xmlns=\""
        + SB_NS
        + "\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">"
        + "<LockDuration>PT1M</LockDuration><RequiresSession>false</RequiresSession>"
        + "<DefaultMessageTimeToLive>P14D</DefaultMessageTimeToLive>"
        + "<DeadLetteringOnMessageExpiration>false</DeadLetteringOnMessageExpiration>"
        + "<DeadLetteringOnFilterEvaluationExceptions>true</DeadLetteringOnFilterEvaluationExceptions>"
        + "<MessageCount>"
        + (c.active() + c.deadLetter() + c.scheduled())
        + "</MessageCount>"
        + "<MaxDeliveryCount>10</MaxDeliveryCount><EnableBatchedOperations>true</EnableBatchedOperations>"
        + "<Status>Active</Status>"
        + "<CreatedAt>"
        + TIME
        + "</CreatedAt><UpdatedAt>"
        + TIME
        + "</UpdatedAt><AccessedAt>"
        + TIME
        + "</AccessedAt>"
        + countDetails(c)
        + "<AutoDeleteOnIdle>P10675199DT2H48M5.4775807S</AutoDeleteOnIdle>"
        + "<EntityAvailabilityStatus>Available</EntityAvailabilityStatus>"
        + "</SubscriptionDescription>";
  }

  private static String countDetails(Counts c) {
    return "<CountDetails xmlns:d2p1=\""
        + COUNT_NS
        + "\">"
        + "<d2p1:ActiveMessageCount>"
        + c.active()
        + "</d2p1:ActiveMessageCount>"
        + "<d2p1:DeadLetterMessageCount>"
        + c.deadLetter()
        + "</d2p1:DeadLetterMessageCount>"
        + "<d2p1:ScheduledMessageCount>"
        + c.scheduled()
        + "</d2p1:ScheduledMessageCount>"
        + "<d2p1:TransferMessageCount>0</d2p1:TransferMessageCount>"
        + "<d2p1:TransferDeadLetterMessageCount>0</d2p1:TransferDeadLetterMessageCount>"
        + "</CountDetails>";
  }

  private static String entry(String host, String path, String title, String description) {
    String id = "https://" + host + "/" + enc(path) + "?api-version=2021-05";
    return "<entry xmlns=\"http://www.w3.org/2005/Atom\"><id>"
        + id
        + "</id>"
        + "<title type=\"text\">"
        + title
        + "</title>"
        + "<published>"
        + TIME
        + "</published><updated>"
        + TIME
        + "</updated>"
        + "<author><name>standin</name></author><link rel=\"self\" href=\""
        + id
        + "\"/>"
        + "<content type=\"application/xml\">"
        + description
        + "</content></entry>";
  }

  private static String feed(String host, String path, String entries) {
    String id = "https://" + host + "/" + enc(path.substring(1)) + "?api-version=2021-05";
    return xml(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title type=\"text\">Publicly Listed Services</title>"
            + "<id>"
            + id
            + "</id><updated>"
            + TIME
            + "</updated>"
            + "<link rel=\"self\" href=\""
            + id
            + "\"/>"
            + entries
            + "</feed>");
  }

  private static String xml(String body) {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + body;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("%2F", "/");
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/atom+xml;type=entry;charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
