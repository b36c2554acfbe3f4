package dev.keda4j.controller.scaling.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvExpansionTest {
  private static final Map<String, String> VARS = Map.of("HOST", "redis", "PORT", "6379");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "plain|plain",
        "$(HOST):$(PORT)|redis:6379",
        "$(UNKNOWN)|$(UNKNOWN)",
        "$$(HOST)|$(HOST)",
        "a$$b|a$b",
        "cost $5|cost $5",
        "trailing $|trailing $",
        "$(HOST|$(HOST",
        "x$(HOST)y$(PORT)z|xredisy6379z",
        "$$$(HOST)|$redis"
      })
  void expands(String input, String expected) {
    assertThat(EnvExpansion.expand(input, VARS)).isEqualTo(expected);
  }
}
