package dev.keda4j.app;

import dev.keda4j.api.manifest.ManifestValidator;
import dev.keda4j.api.manifest.ValidationReport;
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
      "Exits 1 when a problem is found, printing one line per problem."
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
    PrintWriter out = spec.commandLine().getOut();
    report.problems().forEach(out::println);
    out.flush();
    return report.ok() ? 0 : PROBLEMS_FOUND;
  }
}
