package dev.keda4j.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Prints the version of keda4j and of the Java runtime. */
@Command(name = "version", description = "Print the keda4j version.")
final class VersionCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine()
        .getOut()
        .printf(
            "keda4j %s (API keda.sh/v1alpha1, Java %s)%n",
            BuildInfo.version(), Runtime.version().feature());
    return 0;
  }
}
