package dev.keda4j.testkit.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonPathAndAgeTest {

  private static final JsonObject OBJECT =
      new JsonObject(
          """
          {"metadata": {"name": "sj", "labels": {"app.kubernetes.io/name": "x"}},
           "spec": {"maxReplicaCount": 30, "paused": false,
                    "triggers": [{"type": "kafka", "name": "a"}, {"type": "redis"},
                                 {"type": "cron", "name": "c"}]},
           "status": {"triggersTypes": "kafka",
                      "conditions": [{"type": "Ready", "status": "True"},
                                     {"type": "Active", "status": "False"},
                                     {"type": "Ready", "status": "Dup"}]}}
          """);

  private static List<Object> find(String path) {
    return JsonPathSubset.parse(path).find(OBJECT);
  }

  @Test
  void fields() {
    assertThat(find(".spec.maxReplicaCount")).containsExactly(30);
    assertThat(find("{.status.triggersTypes}")).containsExactly("kafka");
    assertThat(find("$.spec.paused")).containsExactly(false);
    assertThat(find(".metadata.labels['app.kubernetes.io/name']")).containsExactly("x");
    assertThat(find(".spec.minReplicaCount")).isEmpty();
    assertThat(find(".nope.deeper.still")).isEmpty();
    assertThat(find(".spec.maxReplicaCount.deeper")).isEmpty();
  }

  @Test
  void wildcardsAndIndexes() {
    assertThat(find(".spec.triggers[*].type")).containsExactly("kafka", "redis", "cron");
    assertThat(find(".spec.triggers[*].name")).containsExactly("a", "c");
    assertThat(find(".spec.triggers[1].type")).containsExactly("redis");
    assertThat(find(".spec.triggers[-1].type")).containsExactly("cron");
    assertThat(find(".spec.triggers[7].type")).isEmpty();
    assertThat(find(".spec.triggers[*]")).hasSize(3);
  }

  @Test
  void filters() {
    assertThat(find(".status.conditions[?(@.type==\"Ready\")].status"))
        .containsExactly("True", "Dup");
    assertThat(find(".status.conditions[?(@.type=='Active')].status")).containsExactly("False");
    assertThat(find(".status.conditions[?(@.type == \"Paused\")].status")).isEmpty();
    assertThat(find(".status.conditions[?(@.type!=\"Ready\")].status")).containsExactly("False");
    assertThat(find(".spec.triggers[?(@.name==\"c\")].type")).containsExactly("cron");
  }

  @Test
  void textIsWhatKubectlPrints() {
    assertThat(JsonPathSubset.text("kafka")).isEqualTo("kafka");
    assertThat(JsonPathSubset.text(30)).isEqualTo("30");
    assertThat(JsonPathSubset.text(2.0d)).isEqualTo("2");
    assertThat(JsonPathSubset.text(2.5d)).isEqualTo("2.5");
    assertThat(JsonPathSubset.text(true)).isEqualTo("true");
    assertThat(JsonPathSubset.text(new JsonObject().put("a", 1))).isEqualTo("{\"a\":1}");
    assertThat(JsonPathSubset.text(null)).isEmpty();
  }

  @Test
  void outsideTheSubsetIsRejected() {
    assertThatThrownBy(() -> JsonPathSubset.parse(".a[?(@.x>1)]"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonPathSubset.parse(".a[1:3]"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonPathSubset.parse(".a["))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonPathSubset.parse("a..b"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "-5, <invalid>",
    "-1, 0s",
    "0, 0s",
    "63, 63s",
    "119, 119s",
    "120, 2m",
    "150, 2m30s",
    "599, 9m59s",
    "600, 10m",
    "10799, 179m",
    "10800, 3h",
    "11100, 3h5m",
    "28800, 8h",
    "172799, 47h",
    "172800, 2d",
    "183600, 2d3h",
    "691200, 8d",
    "63071999, 729d",
    "63072000, 2y",
    "66528000, 2y40d",
    "252288000, 8y",
    "315360000, 10y"
  })
  void ageLikeTheApiServer(long seconds, String expected) {
    assertThat(TablePrinter.age(Duration.ofSeconds(seconds))).isEqualTo(expected);
  }

  @Test
  void acceptHeaderAsksForATable() {
    assertThat(
            TablePrinter.requestedVersion(
                "application/json;as=Table;v=v1;g=meta.k8s.io,"
                    + "application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json"))
        .isEqualTo("v1");
    assertThat(
            TablePrinter.requestedVersion("application/json; as=Table; g=meta.k8s.io; v=v1beta1"))
        .isEqualTo("v1beta1");
    assertThat(TablePrinter.requestedVersion("application/json")).isNull();
    assertThat(TablePrinter.requestedVersion(null)).isNull();
    assertThat(
            TablePrinter.requestedVersion(
                "application/json;as=PartialObjectMetadata;v=v1;g=meta.k8s.io"))
        .isNull();
  }
}
