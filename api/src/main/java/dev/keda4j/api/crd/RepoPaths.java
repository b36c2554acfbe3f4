package dev.keda4j.api.crd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the keda4j repository root (the directory whose pom.xml lists the api module). */
public final class RepoPaths {
  private RepoPaths() {}

  /** Walks up from {@code user.dir}; fails with a clear message when not inside the repo. */
  public static Path root() {
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path p = start; p != null; p = p.getParent()) {
      Path pom = p.resolve("pom.xml");
      if (Files.isRegularFile(pom) && readString(pom).contains("<module>api</module>")) {
        return p;
      }
    }
    throw new IllegalStateException(
        "cannot find the keda4j repository root (a pom.xml with <module>api</module>) above "
            + start);
  }

  /**
   * The example manifests the tests check: {@code <repo>/examples} (a copy of the users' starting
   * manifests in {@code ../shared/examples}, so a clone alone builds), or {@code
   * -Dkeda4j.shared=DIR}'s {@code examples/}.
   */
  public static Path examples() {
    String shared = System.getProperty("keda4j.shared");
    Path examples =
        shared != null ? Path.of(shared).resolve("examples") : root().resolve("examples");
    if (!Files.isDirectory(examples)) {
      throw new IllegalStateException(
          "example manifests not found at "
              + examples
              + "; pass -Dkeda4j.shared=<dir holding examples/>");
    }
    return examples.normalize();
  }

  private static String readString(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
