package dev.keda4j.scalers.prometheus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keda4j.scalers.http.GoFloat;
import dev.keda4j.scalers.http.HttpScalerException;

/**
 * Interprets an instant-query response body like KEDA's {@code ExecutePromQuery}: a vector of at
 * most one element whose value is {@code [ts, "<float>"]}.
 */
final class PrometheusResponse {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String EMPTY_RESULT =
      "prometheus metrics 'prometheus' target may be lost, the result is empty";
  static final String EMPTY_VALUE =
      "prometheus metrics 'prometheus' target may be lost, the value list is empty";

  private PrometheusResponse() {}

  /** What a body means: a value, or a null result that {@code ignoreNullValues} made zero. */
  record Reading(double value, boolean nullResult) {}

  /**
   * The query's value.
   *
   * @throws HttpScalerException for every case KEDA reports as an error
   */
  static Reading interpret(String body, String query, boolean ignoreNullValues) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new HttpScalerException(
          "prometheus query " + query + ": unparsable response: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new HttpScalerException("prometheus query " + query + ": unparsable response");
    }
    JsonNode result = root.path("data").path("result");
    if (!result.isMissingNode() && !result.isNull() && !result.isArray()) {
      throw new HttpScalerException(
          "prometheus query " + query + ": unparsable response: result is not a list");
    }
    int size = result.isArray() ? result.size() : 0;
    for (int i = 0; i < size; i++) {
      if (!result.get(i).isObject()) {
        // A scalar or string result ([ts, "v"]) does not decode into KEDA's vector type either.
        throw new HttpScalerException(
            "prometheus query " + query + ": unparsable response: result is not a vector");
      }
    }
    if (size == 0) {
      return nullResult(ignoreNullValues, EMPTY_RESULT);
    }
    if (size > 1) {
      throw new HttpScalerException("prometheus query " + query + " returned multiple elements");
    }
    JsonNode element = result.get(0);
    JsonNode value = element.path("value");
    int valueLen = value.isArray() ? value.size() : 0;
    if (valueLen == 0) {
      return nullResult(ignoreNullValues, EMPTY_VALUE);
    }
    if (valueLen < 2) {
      throw new HttpScalerException("prometheus query " + query + " didn't return enough values");
    }
    JsonNode sample = value.get(1);
    if (!sample.isTextual()) {
      throw new HttpScalerException(
          "prometheus query " + query + ": sample value is not a string: " + sample);
    }
    double v;
    try {
      v = GoFloat.parse(sample.asText());
    } catch (NumberFormatException e) {
      throw new HttpScalerException("prometheus query " + query + ": " + e.getMessage());
    }
    if (Double.isInfinite(v) || Double.isNaN(v)) {
      return nullResult(ignoreNullValues, "promtheus query returns " + goFormat(v));
    }
    return new Reading(v, false);
  }

  private static Reading nullResult(boolean ignoreNullValues, String message) {
    if (ignoreNullValues) {
      return new Reading(0, true);
    }
    throw new HttpScalerException(message);
  }

  private static String goFormat(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    return v > 0 ? "+Inf" : "-Inf";
  }
}
