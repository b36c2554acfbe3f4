package dev.keda4j.api.manifest;

import dev.keda4j.api.crd.RepoPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates /work/shared/examples: {@code -Dkeda4j.shared=DIR} or {@code <repo>/../shared}. */
final class SharedExamples {
  static final String LEGACY = "legacy-v1-scaledobject.yaml";

  private SharedExamples() {}

  static Path dir() {
    String prop = System.getProperty("keda4j.shared");
    Path shared = prop != null ? Path.of(prop) : RepoPaths.root().resolve("../shared").normalize();
    Path examples = shared.resolve("examples");
    if (!Files.isDirectory(examples)) {
      throw new IllegalStateException(
          "shared examples not found at "
              + examples
              + "; pass -Dkeda4j.shared=<dir holding examples/>");
    }
    return examples;
  }

  static List<Path> all() {
    try (Stream<Path> s = Files.list(dir())) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> current() {
    return all().stream().filter(p -> !p.getFileName().toString().equals(LEGACY)).toList();
  }
}
