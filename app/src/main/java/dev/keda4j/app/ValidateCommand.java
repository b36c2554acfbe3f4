package dev.keda4j.app;

import dev.keda4j.api.manifest.ManifestValidator;
import dev.keda4j.api.manifest.ValidationReport;
import dev.keda4j.controller.scaling.offline.OfflineProblem;
import dev.keda4j.controller.scaling.offline.OfflineTriggerCheck;
import dev.keda4j.scalers.spi.ScalerRegistry;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Checks manifests offline, the way the API server and keda4j would judge them, so a user can run
 * it in their own CI before applying anything.
 */
@Command(
    name = "validate",
    description = {
      "Check manifests offline: the keda.sh/v1alpha1 CRD schema (strict: a misspelled field is an"
          + " error), KEDA's own rules, and each trigger's parameters.",
      "Prints one line per problem, ERROR or WARN first. A reference to an object that is not in"
          + " the given files (a Secret, a TriggerAuthentication, the scale target) is a WARN:"
          + " pass those files too to check what comes from them.",
      "Exits 1 when an ERROR is found."
    })
final class ValidateCommand implements Callable<Integer> {

  static final int PROBLEMS_FOUND = 1;

  @Spec CommandSpec spec;

  @Option(
      names = {"-f", "--filename"},
      required = true,
      arity = "1..*",
      paramLabel = "FILE",
      description = "YAML files (several documents each are fine).")
  List<Path> files;

  @Override
  public Integer call() {
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        throw new UserFacingException(file + ": no such file");
      }
    }
    ValidationReport report = new ManifestValidator().validate(files);
    List<OfflineProblem> triggerProblems =
        new OfflineTriggerCheck().check(report, ScalerRegistry.load(), files);
    PrintWriter out = spec.commandLine().getOut();
    report.problems().forEach(line -> out.println("ERROR " + line));
    triggerProblems.forEach(problem -> out.println(problem.prefixedLine()));
    out.flush();
    boolean failed = !report.ok() || OfflineTriggerCheck.hasErrors(triggerProblems);
    return failed ? PROBLEMS_FOUND : 0;
  }
}
