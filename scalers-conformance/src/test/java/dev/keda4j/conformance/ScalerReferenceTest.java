package dev.keda4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.scalers.spi.ScalerRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/scalers.md is what the generator makes from the registered providers today. */
class ScalerReferenceTest {
  // surefire runs in the module directory
  private static final Path DOC = Path.of("..", "docs", "scalers.md");

  @Test
  void theScalerReferenceIsUpToDate() throws IOException {
    String expected = ScalerReference.render(ScalerRegistry.load());
    assertThat(Files.exists(DOC))
        .as("docs/scalers.md exists; create it with: %s", ScalerReference.COMMAND)
        .isTrue();
    String actual = Files.readString(DOC, StandardCharsets.UTF_8);
    assertThat(actual)
        .as(
            "docs/scalers.md is out of date; regenerate from the repository root with: %s",
            ScalerReference.COMMAND)
        .isEqualTo(expected);
  }

  @Test
  void theReferenceListsEveryTypeAndItsSecrets() {
    String doc = ScalerReference.render(ScalerRegistry.load());
    for (String type : ScalerRegistry.load().triggerTypes()) {
      assertThat(doc).contains("`" + type + "`");
    }
    assertThat(doc)
        .contains("| `password` |  | TM, ENV, AP | no |")
        .contains("| `address` | `addresses` |")
        .contains("latest, earliest");
  }
}
