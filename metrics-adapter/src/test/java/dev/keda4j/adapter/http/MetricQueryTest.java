package dev.keda4j.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricQueryTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "KEDA label | scaledobject.keda.sh/name=worker | worker | 0 | ''",
        "extra labels | app=x,scaledobject.keda.sh/name=worker | worker | 0 | ''",
        "no selector | NULL | NULL | 500 | scaledObject name is not specified",
        "empty selector | '' | NULL | 500 | scaledObject name is not specified",
        "other label | app=foo | NULL | 500 | scaledObject name is not specified",
        "empty name | scaledobject.keda.sh/name= | NULL | 500 | scaledObject name is not specified",
        "set operator | scaledobject.keda.sh/name in (a,b) | NULL | 500 |"
            + " invalid selector: [scaledobject.keda.sh/name in (a]",
        "malformed | scaledobject.keda.sh/name=( | NULL | 400 | unable to parse requirement",
      })
  void resolvesTheScaledObject(String name, String selector, String so, int code, String message) {
    MetricQuery q = MetricQuery.resolve(selector);
    assertThat(q.scaledObjectName()).isEqualTo(so);
    if (code == 0) {
      assertThat(q.error()).isNull();
    } else {
      assertThat(q.error().code()).isEqualTo(code);
      assertThat(q.error().reason()).isEqualTo(code == 400 ? "BadRequest" : "");
      assertThat(q.error().message()).startsWith(message.strip());
    }
  }
}
