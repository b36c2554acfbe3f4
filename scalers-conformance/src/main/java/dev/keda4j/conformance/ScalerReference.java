package dev.keda4j.conformance;

import dev.keda4j.scalers.config.Param;
import dev.keda4j.scalers.config.Source;
import dev.keda4j.scalers.spi.ScalerProvider;
import dev.keda4j.scalers.spi.ScalerRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Generates {@code docs/scalers.md} from the registered providers' config records, so the reference
 * cannot drift from the binder's annotations.
 */
public final class ScalerReference {
  /** How to regenerate, printed by the staleness test. */
  public static final String COMMAND =
      "mvn -q -pl scalers-conformance compile exec:java"
          + " -Dexec.mainClass=dev.keda4j.conformance.ScalerReference -Dexec.args=docs/scalers.md";

  private ScalerReference() {}

  /**
   * Writes the reference.
   *
   * @param args the output file, relative to the working directory (default {@code
   *     docs/scalers.md}; exec:java runs in the directory Maven was started from)
   */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "docs/scalers.md");
    Files.writeString(out, render(ScalerRegistry.load()), StandardCharsets.UTF_8);
    System.out.println("wrote " + out.toAbsolutePath());
  }

  /** The Markdown for every provider in {@code registry}, trigger types sorted. */
  public static String render(ScalerRegistry registry) {
    Map<ScalerProvider<?>, TreeSet<String>> byProvider = new LinkedHashMap<>();
    for (String type : registry.triggerTypes()) {
      byProvider
          .computeIfAbsent(registry.provider(type).orElseThrow(), p -> new TreeSet<>())
          .add(type);
    }
    StringBuilder b = new StringBuilder();
    b.append("# Scaler reference\n\n");
    b.append("Generated from the registered scalers' config records (`@Param`); do not edit.\n");
    b.append("Regenerate with `").append(COMMAND).append("`.\n\n");
    b.append("Lookup order: `TM` trigger metadata, `ENV` resolved env (`<name>FromEnv`), `AP`");
    b.append(
        " authentication parameters (TriggerAuthentication). Sensitive parameters never appear");
    b.append(" in logs, errors, events or status.\n\n");
    b.append("| trigger types | config |\n|---|---|\n");
    List<String> sections = new ArrayList<>();
    for (var e : byProvider.entrySet()) {
      String types =
          e.getValue().stream().map(t -> "`" + t + "`").collect(Collectors.joining(", "));
      b.append("| ").append(types).append(" | `").append(e.getKey().configType().getSimpleName());
      b.append("` |\n");
      sections.add(section(e.getValue(), e.getKey()));
    }
    b.append('\n');
    sections.forEach(b::append);
    return b.toString();
  }

  private static String section(TreeSet<String> types, ScalerProvider<?> provider) {
    StringBuilder b = new StringBuilder("## ");
    b.append(String.join(", ", types)).append("\n\n");
    b.append("Config record `").append(provider.configType().getName()).append("`.\n\n");
    b.append("| parameter | aliases | order | required | default | values | type | deprecated");
    b.append(" | sensitive |\n|---|---|---|---|---|---|---|---|---|\n");
    for (ConfigParams.Info i : ConfigParams.of(provider.configType())) {
      Param p = i.param();
      List<String> names = i.names();
      b.append("| `").append(names.get(0)).append("` | ");
      b.append(names.stream().skip(1).map(n -> "`" + n + "`").collect(Collectors.joining(", ")));
      b.append(" | ")
          .append(
              i.order().stream().map(ScalerReference::abbrev).collect(Collectors.joining(", ")));
      boolean required = !p.optional() && p.defaultValue().isEmpty();
      b.append(" | ").append(required ? "yes" : "no");
      b.append(" | ").append(p.defaultValue().isEmpty() ? "" : "`" + cell(p.defaultValue()) + "`");
      b.append(" | ").append(String.join(", ", p.enumValues()));
      b.append(" | ").append(cell(i.type()));
      b.append(" | ").append(deprecation(p));
      b.append(" | ").append(p.sensitive() ? "yes" : "").append(" |\n");
    }
    return b.append('\n').toString();
  }

  private static String deprecation(Param p) {
    if (!p.deprecated().isEmpty()) {
      return "removed: " + cell(p.deprecated());
    }
    if (!p.deprecatedAnnounce().isEmpty()) {
      return "announced: " + cell(p.deprecatedAnnounce());
    }
    return "";
  }

  private static String abbrev(Source s) {
    return switch (s) {
      case TRIGGER_METADATA -> "TM";
      case RESOLVED_ENV -> "ENV";
      case AUTH_PARAMS -> "AP";
    };
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;");
  }
}
