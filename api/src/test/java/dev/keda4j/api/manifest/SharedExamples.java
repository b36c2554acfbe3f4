package dev.keda4j.api.manifest;

import dev.keda4j.api.crd.RepoPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The example manifests ({@link RepoPaths#examples()}). */
final class SharedExamples {
  static final String LEGACY = "legacy-v1-scaledobject.yaml";

  private SharedExamples() {}

  static Path dir() {
    return RepoPaths.examples();
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
