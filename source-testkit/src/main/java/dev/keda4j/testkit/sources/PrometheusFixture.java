package dev.keda4j.testkit.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Prometheus with a test-owned scrape target. By default it starts a private {@code prometheus}
 * (Debian package, {@code /usr/bin/prometheus}) on a free port with a temp TSDB, scraping every
 * second a JDK HTTP endpoint served by this fixture, where tests set gauges with {@link
 * #setGauge(String, double)}. The first sample is queryable ~5.5 s after start: use {@link
 * #awaitSample(String, Duration)}.
 *
 * <p>Set {@code KEDA4J_PROMETHEUS_URL} to query an existing Prometheus instead; that server does
 * not scrape this fixture's endpoint, so gauges set here never reach it and only queries over its
 * own data work.
 */
public final class PrometheusFixture extends AbstractFixture {
  public static final String ENV = "KEDA4J_PROMETHEUS_URL";
  private static final String BIN = "/usr/bin/prometheus";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Double> gauges = new ConcurrentSkipListMap<>();
  private HttpServer target;
  private String url;
  private ManagedProcess process;
  private Path dir;

  @Override
  protected void doStart() {
    startTarget();
    if (Sources.envSet(ENV)) {
      url = stripSlash(Sources.env(ENV, ""));
      try {
        HttpResponse<String> r = Sources.httpGet(url + "/-/ready");
        if (r.statusCode() != 200) {
          throw new IOException("/-/ready answered " + r.statusCode());
        }
      } catch (IOException e) {
        target.stop(0);
        throw SourceUnavailableException.of(
            "Prometheus", url, ENV, "unset " + ENV + " to start a private prometheus", e);
      }
      return;
    }
    try {
      startPrivate();
    } catch (SourceUnavailableException e) {
      target.stop(0);
      Sources.deleteRecursively(dir);
      dir = null;
      throw SourceUnavailableException.of(
          "Prometheus (private " + BIN + ")",
          url,
          ENV,
          "apt-get install prometheus (or scripts/services.sh)",
          e);
    }
  }

  private void startTarget() {
    try {
      target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException("cannot open the scrape endpoint", e);
    }
    target.createContext("/metrics", this::serveMetrics);
    target.start();
  }

  private void serveMetrics(HttpExchange ex) throws IOException {
    StringBuilder sb = new StringBuilder();
    String lastName = "";
    for (Map.Entry<String, Double> g : gauges.entrySet()) {
      String series = g.getKey();
      int brace = series.indexOf('{');
      String name = brace < 0 ? series : series.substring(0, brace);
      if (!name.equals(lastName)) {
        sb.append("# TYPE ").append(name).append(" gauge\n");
        lastName = name;
      }
      sb.append(series).append(' ').append(g.getValue()).append('\n');
    }
    byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
    ex.sendResponseHeaders(200, body.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(body);
    }
  }

  private void startPrivate() {
    int port = Sources.freePort();
    url = "http://127.0.0.1:" + port;
    if (!Files.isExecutable(Path.of(BIN))) {
      throw new SourceUnavailableException(BIN + " missing", null);
    }
    dir = Sources.tempDir("k4j-prometheus-");
    Path config = dir.resolve("prometheus.yml");
    String yaml =
        "global:\n"
            + "  scrape_interval: 1s\n"
            + "  evaluation_interval: 1s\n"
            + "scrape_configs:\n"
            + "  - job_name: keda4j\n"
            + "    scrape_interval: 1s\n"
            + "    static_configs:\n"
            + "      - targets: ['"
            + targetAddress()
            + "']\n";
    try {
      Files.writeString(config, yaml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    process =
        ManagedProcess.start(
            "prometheus",
            List.of(
                BIN,
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn"),
            dir,
            Duration.ofSeconds(30),
            this::ready);
  }

  private boolean ready() {
    try {
      return Sources.httpGet(url + "/-/ready").statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  protected void doClose() {
    if (process != null) {
      process.close();
      process = null;
    }
    target.stop(0);
    Sources.deleteRecursively(dir);
    dir = null;
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /** Prometheus's base URL (KEDA's {@code serverAddress}). */
  public String url() {
    requireStarted();
    return url;
  }

  /** host:port of the scrape endpoint ({@code /metrics}) this fixture serves. */
  public String targetAddress() {
    return "127.0.0.1:" + target.getAddress().getPort();
  }

  /**
   * Sets a gauge served on the scrape endpoint. {@code series} is a metric name, optionally with
   * labels in exposition syntax, e.g. {@code k4j_queue{queue="a"}}. Use a unique metric name per
   * test.
   */
  public void setGauge(String series, double value) {
    gauges.put(series, value);
  }

  /** Stops serving a gauge. */
  public void removeGauge(String series) {
    gauges.remove(series);
  }

  /** A unique metric name, e.g. {@code k4j_ab12cd34ef}. */
  public String uniqueMetric() {
    return Sources.uniqueName("k4j_");
  }

  /** Runs an instant query; the first result's value, or empty when the result is empty. */
  public OptionalDouble query(String promql) {
    try {
      HttpResponse<String> r =
          Sources.httpGet(
              url() + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
      if (r.statusCode() != 200) {
        throw new IllegalStateException(
            "query " + promql + ": HTTP " + r.statusCode() + " " + r.body());
      }
      JsonNode data = JSON.readTree(r.body()).path("data");
      JsonNode result = data.path("result");
      if ("scalar".equals(data.path("resultType").asText())) {
        return OptionalDouble.of(result.get(1).asDouble());
      }
      if (!result.isArray() || result.isEmpty()) {
        return OptionalDouble.empty();
      }
      return OptionalDouble.of(Double.parseDouble(result.get(0).path("value").get(1).asText()));
    } catch (IOException e) {
      throw new IllegalStateException("query " + promql, e);
    }
  }

  /**
   * Waits until {@code promql} returns a sample (first scrape lands after ~5.5 s) and returns it.
   */
  public double awaitSample(String promql, Duration timeout) {
    OptionalDouble[] last = {OptionalDouble.empty()};
    if (!Sources.await(
        timeout,
        () -> {
          last[0] = query(promql);
          return last[0].isPresent();
        })) {
      throw new AssertionError(
          "Prometheus at " + url + " returned no sample for " + promql + " within " + timeout);
    }
    return last[0].getAsDouble();
  }

  /** {@link #awaitSample(String, Duration)} with a 30 s timeout. */
  public double awaitSample(String promql) {
    return awaitSample(promql, Duration.ofSeconds(30));
  }

  /** Waits until {@code promql} returns {@code expected} (e.g. after a gauge changed). */
  public void awaitValue(String promql, double expected, Duration timeout) {
    if (!Sources.await(
        timeout,
        () -> {
          OptionalDouble v = query(promql);
          return v.isPresent() && Double.compare(v.getAsDouble(), expected) == 0;
        })) {
      throw new AssertionError(
          "Prometheus: "
              + promql
              + " = "
              + query(promql)
              + ", expected "
              + expected
              + " within "
              + timeout);
    }
  }
}
