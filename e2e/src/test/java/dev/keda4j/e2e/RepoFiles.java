package dev.keda4j.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository and of the shared folder beside it, found from the module directory. */
final class RepoFiles {

  private RepoFiles() {}

  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("charts/keda4j/crds"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("run from inside the keda4j repository");
    }
    return dir;
  }

  static Path crds() {
    return root().resolve("charts/keda4j/crds");
  }

  static Path examples() {
    return dev.keda4j.api.crd.RepoPaths.examples();
  }

  static Path jar() {
    Path jar =
        Path.of(
            System.getProperty("keda4j.jar", root().resolve("app/target/keda4j.jar").toString()));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build it with mvn package first");
    }
    return jar;
  }
}
