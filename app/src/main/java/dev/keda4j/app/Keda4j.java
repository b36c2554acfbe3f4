package dev.keda4j.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the runnable jar: {@code java -jar keda4j.jar <command>}. */
@Command(
    name = "keda4j",
    mixinStandardHelpOptions = true,
    versionProvider = BuildInfo.class,
    description =
        "Event-driven autoscaling for Kubernetes, wire-compatible with KEDA (keda.sh/v1alpha1).",
    subcommands = {
      RunCommand.class,
      AdapterCommand.class,
      VersionCommand.class,
      ScalersCommand.class,
      ValidateCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Keda4j implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    // no subcommand given: show what there is rather than guessing
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Builds the command line with keda4j's error handling; tests drive it without exiting. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Keda4j());
    cli.setExecutionExceptionHandler(new OneLineErrors());
    return cli;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
