package dev.keda4j.scalers.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.scalers.spi.ScalerProvider;
import dev.keda4j.scalers.spi.ScalerRegistry;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every registered config record marks its secret-looking parameters sensitive. */
class SensitiveParamsTest {
  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "(?i).*(password|secret|token|apikey|connectionstring|sas)$|^key$|^keyPassword$");

  @Test
  void secretLookingParamsAreSensitive() {
    ScalerRegistry registry = ScalerRegistry.load();
    List<String> unmarked = new ArrayList<>();
    int checked = 0;
    for (String type : registry.triggerTypes()) {
      ScalerProvider<?> p = registry.provider(type).orElseThrow();
      checked += collect(p.configType(), unmarked);
    }
    assertThat(checked).isPositive();
    assertThat(unmarked).as("secret-looking params without sensitive = true").isEmpty();
  }

  private static int collect(Class<?> record, List<String> unmarked) {
    int n = 0;
    for (RecordComponent c : record.getRecordComponents()) {
      Param p = c.getAnnotation(Param.class);
      if (p == null && c.getType().isRecord()) {
        n += collect(c.getType(), unmarked);
        continue;
      }
      for (String name : p.name().split(";")) {
        n++;
        if (SECRET_NAME.matcher(name.trim()).matches() && !p.sensitive()) {
          unmarked.add(record.getSimpleName() + "." + name);
        }
      }
    }
    return n;
  }
}
