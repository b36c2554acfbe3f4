package dev.keda4j.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version stamped into the jar at build time. */
public final class BuildInfo implements IVersionProvider {

  public static String version() {
    return properties().getProperty("version", "unknown");
  }

  /** The commit the jar was built from, null when the build did not record it. */
  public static String gitCommit() {
    String commit = properties().getProperty("gitCommit");
    return commit == null || commit.isBlank() || commit.startsWith("${") ? null : commit;
  }

  private static Properties properties() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("/keda4j-version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"keda4j " + version() + " (keda.sh/v1alpha1)"};
  }
}
