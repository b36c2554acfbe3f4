package dev.keda4j.app;

import dev.keda4j.scalers.spi.ScalerRegistry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Prints the trigger types this build can scale on, one per line. */
@Command(name = "scalers", description = "List the registered trigger types, one per line.")
final class ScalersCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ScalerRegistry.load().triggerTypes().forEach(out::println);
    out.flush();
    return 0;
  }
}
