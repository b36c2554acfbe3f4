package dev.keda4j.controller.scaledjob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.api.v1alpha1.ScaledJob;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PauseAnnotationTest {

  @ParameterizedTest(name = "\"{0}\" ⇒ paused {1}")
  @CsvSource({
    "true,true",
    "True,true",
    "1,true",
    "t,true",
    "false,false",
    "FALSE,false",
    "0,false",
    "f,false",
    "yes,true",
    "'',true",
    "<none>,false"
  })
  void parsesLikeGo(String value, boolean paused) {
    V1ObjectMeta meta = new V1ObjectMeta().name("sj");
    if (!"<none>".equals(value)) {
      meta.annotations(Map.of(PauseAnnotation.PAUSED, value));
    }
    assertThat(PauseAnnotation.isPaused(new ScaledJob().metadata(meta))).isEqualTo(paused);
  }
}
