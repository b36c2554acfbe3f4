package dev.keda4j.scalers.metricsapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keda4j.scalers.http.HttpScalerException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValueLocationTest {
  static final String JSON =
      "{\"components\":[{\"id\":\"82328e93e\",\"tasks\":32,\"str\":\"64\",\"k\":\"1k\","
          + "\"wrong\":\"NaN\"}],\"count\":2.43,\"flag\":true,\"a.b\":7,\"obj\":{\"x\":1}}";
  static final String YAML =
      "components:\n  - id: 82328e93e\n    tasks: 32\n    str: \"64\"\n    k: 1k\n"
          + "    wrong: NaN\ncount: 2.43\nnested:\n  deeper: 5\n";
  static final String XML =
      "<root><count>2.43</count><components><tasks>32</tasks><k>1k</k></components>"
          + "<components><tasks>8</tasks></components><word>abc</word></root>";
  static final String PROM =
      "# HELP backend_queue_size Total number of items\n"
          + "# TYPE backend_queue_size counter\n"
          + "backend_queue_size{queueName=\"zero\"} 0\n"
          + "backend_queue_size{queueName=\"one\"} 1\n"
          + "backend_queue_size{queueName=\"two\", instance=\"random\"} 2\n"
          + "backend_queue_size{queueName=\"two\", instance=\"zero\"} 20\n"
          + "# HELP random_metric Random metric generate to include noise\n"
          + "# TYPE random_metric counter\n"
          + "random_metric 10\n"
          + "# TYPE latency histogram\n"
          + "latency_bucket{le=\"1\"} 3\n"
          + "latency_count 3\n";

  static Stream<Arguments> values() {
    return Stream.of(
        Arguments.of("json count", JSON, ResponseFormat.JSON, "count", 2.43),
        Arguments.of("json string number", JSON, ResponseFormat.JSON, "components.0.str", 64.0),
        Arguments.of("json nested int", JSON, ResponseFormat.JSON, "components.0.tasks", 32.0),
        Arguments.of("json quantity", JSON, ResponseFormat.JSON, "components.0.k", 1000.0),
        Arguments.of("json array length", JSON, ResponseFormat.JSON, "components.#", 1.0),
        Arguments.of("json escaped dot", JSON, ResponseFormat.JSON, "a\\.b", 7.0),
        Arguments.of("json wildcard", JSON, ResponseFormat.JSON, "cou*", 2.43),
        Arguments.of("yaml count", YAML, ResponseFormat.YAML, "count", 2.43),
        Arguments.of("yaml list index", YAML, ResponseFormat.YAML, "components.0.tasks", 32.0),
        Arguments.of("yaml string number", YAML, ResponseFormat.YAML, "components.0.str", 64.0),
        Arguments.of("yaml quantity", YAML, ResponseFormat.YAML, "components.0.k", 1000.0),
        Arguments.of("yaml nested", YAML, ResponseFormat.YAML, "nested.deeper", 5.0),
        Arguments.of("yaml first scalar reached", YAML, ResponseFormat.YAML, "count.more", 2.43),
        Arguments.of("xml value", XML, ResponseFormat.XML, "root.count", 2.43),
        Arguments.of("xml repeated", XML, ResponseFormat.XML, "root.components.1.tasks", 8.0),
        Arguments.of("xml quantity", XML, ResponseFormat.XML, "root.components.0.k", 1000.0),
        Arguments.of(
            "prom two labels",
            PROM,
            ResponseFormat.PROMETHEUS,
            "backend_queue_size{queueName=\"two\", instance=\"zero\"}",
            20.0),
        Arguments.of("prom no labels", PROM, ResponseFormat.PROMETHEUS, "random_metric", 10.0),
        Arguments.of(
            "prom first match",
            PROM,
            ResponseFormat.PROMETHEUS,
            "backend_queue_size{queueName=\"two\"}",
            2.0),
        Arguments.of(
            "prom unlabelled selector takes first",
            PROM,
            ResponseFormat.PROMETHEUS,
            "backend_queue_size",
            0.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void extracts(String name, String body, ResponseFormat format, String location, double want) {
    assertThat(ValueLocation.extract(body, format, location)).isEqualTo(want);
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of(
            "json NaN string",
            JSON,
            ResponseFormat.JSON,
            "components.0.wrong",
            "valueLocation must point to value of type number or a string representing a Quantity got: 'NaN'"),
        Arguments.of(
            "json missing",
            JSON,
            ResponseFormat.JSON,
            "nope",
            "valueLocation must point to value of type number or a string representing a Quantity got: 'Null'"),
        Arguments.of("json bool", JSON, ResponseFormat.JSON, "flag", "got: 'True'"),
        Arguments.of("json object", JSON, ResponseFormat.JSON, "obj", "got: 'JSON'"),
        Arguments.of(
            "json id string", JSON, ResponseFormat.JSON, "components.0.id", "got: '82328e93e'"),
        Arguments.of("json not json", "<html>", ResponseFormat.JSON, "count", "got: 'Null'"),
        Arguments.of("yaml missing key", YAML, ResponseFormat.YAML, "nope", "key 'nope' not found"),
        Arguments.of(
            "yaml index out of range", YAML, ResponseFormat.YAML, "components.3", "out of range"),
        Arguments.of(
            "yaml NaN string", YAML, ResponseFormat.YAML, "components.0.wrong", "not a number"),
        Arguments.of("yaml map is no value", YAML, ResponseFormat.YAML, "nested", "not a number"),
        Arguments.of("yaml unparsable", "a: [1,", ResponseFormat.YAML, "a", "unable to parse yaml"),
        Arguments.of("xml word", XML, ResponseFormat.XML, "root.word", "not a number"),
        Arguments.of("xml unparsable", "<root>", ResponseFormat.XML, "root", "unable to parse xml"),
        Arguments.of(
            "prom metric missing",
            PROM,
            ResponseFormat.PROMETHEUS,
            "nope",
            "metric 'nope' not found"),
        Arguments.of(
            "prom labels missing",
            PROM,
            ResponseFormat.PROMETHEUS,
            "backend_queue_size{queueName=\"nine\"}",
            "value backend_queue_size{queueName=\"nine\"} not found"),
        Arguments.of(
            "prom histogram part",
            PROM,
            ResponseFormat.PROMETHEUS,
            "latency_count",
            "metric 'latency_count' not found"),
        Arguments.of(
            "prom bad line",
            "metric{a=\"b\" 1\n",
            ResponseFormat.PROMETHEUS,
            "metric",
            "unable to parse prometheus text format: line 1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void failsClearly(String name, String body, ResponseFormat format, String location, String msg) {
    assertThatThrownBy(() -> ValueLocation.extract(body, format, location))
        .isInstanceOf(HttpScalerException.class)
        .hasMessageContaining(msg);
  }
}
