package dev.keda4j.scalers.metricsapi;

import dev.keda4j.scalers.http.GoFloat;
import dev.keda4j.scalers.http.HttpScalerException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finds a sample in the Prometheus text exposition format by a selector {@code name{l="v",...}}
 * (equality only), like KEDA's metrics-api prometheus format.
 */
final class PrometheusText {
  private PrometheusText() {}

  /** A selector or a sample's identity: metric name and labels. */
  record Series(String name, Map<String, String> labels) {}

  /**
   * The value of the first sample named like the selector whose labels contain all of its pairs.
   *
   * @throws HttpScalerException when the metric or the labelled sample is absent, or the text does
   *     not parse
   */
  static double value(String text, String selector) {
    Series wanted = parseSeries(selector.trim(), "valueLocation");
    Map<String, String> types = new HashMap<>();
    boolean familySeen = false;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("#")) {
        String[] parts = line.split("\\s+");
        if (parts.length >= 4 && parts[1].equals("TYPE")) {
          types.put(parts[2], parts[3]);
        }
        continue;
      }
      Sample s = parseSample(line, i + 1);
      if (!s.series.name().equals(wanted.name()) || isPartOfAggregate(s.series.name(), types)) {
        continue;
      }
      familySeen = true;
      if (s.series.labels().entrySet().containsAll(wanted.labels().entrySet())) {
        String type = types.getOrDefault(wanted.name(), "untyped");
        if (!type.equals("gauge") && !type.equals("counter") && !type.equals("untyped")) {
          throw new HttpScalerException(
              "metric '" + wanted.name() + "' has unsupported type " + type);
        }
        return s.value;
      }
    }
    if (!familySeen) {
      throw new HttpScalerException("metric '" + wanted.name() + "' not found");
    }
    throw new HttpScalerException("value " + selector + " not found");
  }

  // Histogram and summary samples (_bucket, _sum, _count) belong to their base family.
  private static boolean isPartOfAggregate(String name, Map<String, String> types) {
    for (String suffix : new String[] {"_bucket", "_sum", "_count"}) {
      if (name.endsWith(suffix)) {
        String type = types.get(name.substring(0, name.length() - suffix.length()));
        if ("histogram".equals(type) || "summary".equals(type)) {
          return true;
        }
      }
    }
    return false;
  }

  private record Sample(Series series, double value) {}

  private static Sample parseSample(String line, int lineNo) {
    int end = line.indexOf('{');
    int afterSeries;
    if (end < 0) {
      afterSeries = indexOfWhitespace(line);
      if (afterSeries < 0) {
        throw unparsable(lineNo);
      }
    } else {
      afterSeries = closingBrace(line, end, lineNo) + 1;
    }
    Series series = parseSeries(line.substring(0, afterSeries), "line " + lineNo);
    String[] rest = line.substring(afterSeries).trim().split("\\s+");
    if (rest.length < 1 || rest[0].isEmpty()) {
      throw unparsable(lineNo);
    }
    try {
      return new Sample(series, GoFloat.parse(rest[0]));
    } catch (NumberFormatException e) {
      throw unparsable(lineNo);
    }
  }

  private static int indexOfWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static int closingBrace(String s, int open, int lineNo) {
    boolean quoted = false;
    int i = open + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (quoted && c == '\\') {
        i += 2;
        continue;
      }
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '}') {
        return i;
      }
      i++;
    }
    throw unparsable(lineNo);
  }

  private static HttpScalerException unparsable(int lineNo) {
    return new HttpScalerException("unable to parse prometheus text format: line " + lineNo);
  }

  /** {@code name} or {@code name{k="v", ...}}. */
  static Series parseSeries(String s, String where) {
    int open = s.indexOf('{');
    if (open < 0) {
      return new Series(s.trim(), Map.of());
    }
    if (!s.trim().endsWith("}")) {
      throw new HttpScalerException("unable to parse series selector in " + where);
    }
    String name = s.substring(0, open).trim();
    String body = s.substring(open + 1, s.lastIndexOf('}'));
    Map<String, String> labels = new LinkedHashMap<>();
    int i = 0;
    while (i < body.length()) {
      while (i < body.length()
          && (body.charAt(i) == ',' || Character.isWhitespace(body.charAt(i)))) {
        i++;
      }
      if (i >= body.length()) {
        break;
      }
      int eq = body.indexOf('=', i);
      if (eq < 0) {
        throw new HttpScalerException("unable to parse series selector in " + where);
      }
      String key = body.substring(i, eq).trim();
      int q = eq + 1;
      while (q < body.length() && Character.isWhitespace(body.charAt(q))) {
        q++;
      }
      if (q >= body.length() || body.charAt(q) != '"') {
        throw new HttpScalerException("unable to parse series selector in " + where);
      }
      StringBuilder value = new StringBuilder();
      int j = q + 1;
      while (j < body.length() && body.charAt(j) != '"') {
        char c = body.charAt(j);
        if (c == '\\' && j + 1 < body.length()) {
          char n = body.charAt(j + 1);
          value.append(n == 'n' ? '\n' : n);
          j += 2;
        } else {
          value.append(c);
          j++;
        }
      }
      if (j >= body.length()) {
        throw new HttpScalerException("unable to parse series selector in " + where);
      }
      labels.put(key, value.toString());
      i = j + 1;
    }
    return new Series(name, labels);
  }
}
