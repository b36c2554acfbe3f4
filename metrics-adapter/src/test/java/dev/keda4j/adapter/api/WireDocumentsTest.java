package dev.keda4j.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.scalers.spi.MetricValue;
import dev.keda4j.scalers.spi.Quantity;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON documents byte for byte as KEDA's adapter writes them. */
class WireDocumentsTest {

  @Test
  void apiResourceListAdvertisesOnePlaceholderResource() {
    assertThat(DiscoveryDocuments.apiResourceList().encode())
        .isEqualTo(
            "{\"kind\":\"APIResourceList\",\"apiVersion\":\"v1\","
                + "\"groupVersion\":\"external.metrics.k8s.io/v1beta1\","
                + "\"resources\":[{\"name\":\"externalmetrics\",\"singularName\":\"\","
                + "\"namespaced\":true,\"kind\":\"ExternalMetricValueList\",\"verbs\":[\"get\"]}]}");
  }

  @Test
  void groupDocuments() {
    String gv =
        "\"versions\":[{\"groupVersion\":\"external.metrics.k8s.io/v1beta1\",\"version\":\"v1beta1\"}],"
            + "\"preferredVersion\":{\"groupVersion\":\"external.metrics.k8s.io/v1beta1\",\"version\":\"v1beta1\"}";
    assertThat(DiscoveryDocuments.apiGroup().encode())
        .isEqualTo(
            "{\"kind\":\"APIGroup\",\"apiVersion\":\"v1\",\"name\":\"external.metrics.k8s.io\","
                + gv
                + "}");
    assertThat(DiscoveryDocuments.apiGroupList().encode())
        .isEqualTo(
            "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[{\"name\":\"external.metrics.k8s.io\","
                + gv
                + "}]}");
  }

  /** The metric list as a JSON tree, field by field: the oracle of the streamed encoding. */
  private static JsonObject tree(List<MetricValue> values, String stamp) {
    JsonArray items = new JsonArray();
    for (MetricValue v : values) {
      items.add(
          new JsonObject()
              .put("metricName", v.metricName())
              .putNull("metricLabels")
              .put("timestamp", stamp)
              .put("value", v.value().toString()));
    }
    return new JsonObject()
        .put("kind", "ExternalMetricValueList")
        .put("apiVersion", "external.metrics.k8s.io/v1beta1")
        .put("metadata", new JsonObject())
        .put("items", items);
  }

  private static JsonObject parsed(List<MetricValue> values, Instant at) {
    return ExternalMetricList.encode(values, at).toJsonObject();
  }

  @Test
  void metricListHasNullLabelsAndSecondTimestamps() {
    String list =
        ExternalMetricList.encode(
                List.of(MetricValue.ofCount("s0-rabbitmq-orders", 42)),
                Instant.parse("2026-08-20T10:00:00.987654Z"))
            .toString(StandardCharsets.UTF_8);
    assertThat(list)
        .isEqualTo(
            "{\"kind\":\"ExternalMetricValueList\",\"apiVersion\":\"external.metrics.k8s.io/v1beta1\","
                + "\"metadata\":{},\"items\":[{\"metricName\":\"s0-rabbitmq-orders\","
                + "\"metricLabels\":null,\"timestamp\":\"2026-08-20T10:00:00Z\",\"value\":\"42\"}]}\n");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"s0-rabbitmq-orders", "s1-quote\"and\\backslash", "s2-ünïcödé-€", "s3-tab\tnl\n"})
  void streamedEncodingIsTheJsonTreeEncodingPlusNewline(String name) {
    List<MetricValue> values =
        List.of(MetricValue.ofCount(name, 42), MetricValue.ofDouble("s9-half", 0.5));
    Instant at = Instant.parse("2026-08-20T10:00:00.987654Z");
    // twice in the same second: the shared timestamp text must be the same document
    for (int i = 0; i < 2; i++) {
      assertThat(
              ExternalMetricList.encode(values, at.plusMillis(i)).toString(StandardCharsets.UTF_8))
          .isEqualTo(tree(values, "2026-08-20T10:00:00Z").encode() + "\n");
    }
    assertThat(
            ExternalMetricList.encode(values, at.plusSeconds(1)).toString(StandardCharsets.UTF_8))
        .contains("\"timestamp\":\"2026-08-20T10:00:01Z\"");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"0.5, 500m", "1234.5678, 1234568m", "3.0, 3", "-3, 0", "NaN, 0", "1.5, 1500m"})
  void valuesAreCanonicalQuantities(double value, String wire) {
    JsonObject list = parsed(List.of(MetricValue.ofDouble("m", value)), Instant.EPOCH);
    assertThat(list.getJsonArray("items").getJsonObject(0).getString("value")).isEqualTo(wire);
  }

  @Test
  void integerPathMilliQuantitiesAreCanonicalised() {
    JsonObject list = parsed(List.of(new MetricValue("m", Quantity.ofMilli(7000))), Instant.EPOCH);
    assertThat(list.getJsonArray("items").getJsonObject(0).getString("value")).isEqualTo("7");
  }

  @Test
  void providerErrorStatusHasNoReason() {
    assertThat(KubeStatus.internal("scaledObject name is not specified").toJson().encode())
        .isEqualTo(
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"scaledObject name is not specified\",\"code\":500}");
  }

  @Test
  void forbiddenNamesUserVerbResourceAndNamespace() {
    KubeStatus s =
        KubeStatus.forbiddenResource(
            "system:anonymous", "list", "s0-rabbitmq-orders", "default", "");
    assertThat(s.toJson().encode())
        .isEqualTo(
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"s0-rabbitmq-orders.external.metrics.k8s.io is forbidden: User"
                + " \\\"system:anonymous\\\" cannot list resource \\\"s0-rabbitmq-orders\\\" in API"
                + " group \\\"external.metrics.k8s.io\\\" in the namespace \\\"default\\\"\","
                + "\"reason\":\"Forbidden\",\"details\":{\"group\":\"external.metrics.k8s.io\","
                + "\"kind\":\"s0-rabbitmq-orders\"},\"code\":403}");
    assertThat(KubeStatus.forbiddenPath("bob", "get", "/apis", "no RBAC").message())
        .isEqualTo("forbidden: User \"bob\" cannot get path \"/apis\": no RBAC");
  }

  @Test
  void openApiDocumentsAreValidShapesWithStableEtags() {
    OpenApiDocuments docs = new OpenApiDocuments();
    JsonObject v2 = new JsonObject(docs.v2());
    assertThat(v2.getString("swagger")).isEqualTo("2.0");
    assertThat(v2.getJsonObject("info").getString("title")).isEqualTo("keda-adapter");
    assertThat(v2.getJsonObject("definitions").fieldNames())
        .contains("io.k8s.metrics.pkg.apis.external_metrics.v1beta1.ExternalMetricValueList");
    assertThat(docs.v2Etag())
        .isEqualTo(new OpenApiDocuments().v2Etag())
        .matches("\"[0-9A-F]{128}\"");
    String url =
        docs.v3Index()
            .getJsonObject("paths")
            .getJsonObject("apis/external.metrics.k8s.io/v1beta1")
            .getString("serverRelativeURL");
    assertThat(url)
        .startsWith("/openapi/v3/apis/external.metrics.k8s.io/v1beta1?hash=")
        .endsWith(docs.v3GroupEtag().replace("\"", ""));
    assertThat(new JsonObject(docs.v3Group()).getString("openapi")).isEqualTo("3.0.0");
  }
}
