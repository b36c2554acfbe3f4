package dev.keda4j.api.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keda4j.api.crd.KedaCrds;
import dev.keda4j.api.crd.SchemaBuilder;
import dev.keda4j.api.v1alpha1.ClusterTriggerAuthentication;
import dev.keda4j.api.v1alpha1.KedaApi;
import dev.keda4j.api.v1alpha1.KedaValidation;
import dev.keda4j.api.v1alpha1.ScaledJob;
import dev.keda4j.api.v1alpha1.ScaledObject;
import dev.keda4j.api.v1alpha1.SpecError;
import dev.keda4j.api.v1alpha1.TriggerAuthentication;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Offline validation of manifest files: every keda.sh document is checked strictly against the
 * generated CRD schema (unknown fields, types, enums, bounds, required fields, the CEL rule) and by
 * KEDA's code-level checks; keda.k8s.io (KEDA v1) documents are refused with an explanation; other
 * documents are passed through. Usage: {@code new ManifestValidator().validate(paths).problems()}.
 */
public final class ManifestValidator {
  private static final Pattern SJ_METRIC_TYPE =
      Pattern.compile("spec\\.triggers\\[\\d+]\\.metricType");
  private static final Map<String, Class<? extends KubernetesObject>> TYPES =
      Map.of(
          KedaApi.SCALED_OBJECT, ScaledObject.class,
          KedaApi.SCALED_JOB, ScaledJob.class,
          KedaApi.TRIGGER_AUTHENTICATION, TriggerAuthentication.class,
          KedaApi.CLUSTER_TRIGGER_AUTHENTICATION, ClusterTriggerAuthentication.class);

  private final Map<String, JsonNode> schemas = new HashMap<>();
  private final JsonNode metadataSchema = new SchemaBuilder().objectSchema(V1ObjectMeta.class);

  public ManifestValidator() {
    for (KedaCrds.Crd crd : KedaCrds.all()) {
      schemas.put(crd.kind(), crd.schema());
    }
  }

  /** Validates files in order; unreadable files and YAML errors are problems too. */
  public ValidationReport validate(List<Path> files) {
    Run run = new Run();
    for (Path file : files) {
      List<JsonNode> docs;
      try {
        docs = Manifests.read(file);
      } catch (IOException | RuntimeException e) {
        run.problems.add(file + ": cannot read: " + oneLine(e.getMessage()));
        continue;
      }
      run.documents(file, docs);
    }
    return run.report();
  }

  /** Validates YAML text; {@code label} stands for the file name in problems. */
  public ValidationReport validate(String label, String yaml) {
    Run run = new Run();
    try {
      run.documents(Path.of(label), Manifests.parse(yaml));
    } catch (IOException | RuntimeException e) {
      run.problems.add(label + ": cannot read: " + oneLine(e.getMessage()));
    }
    return run.report();
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
  }

  private final class Run {
    final List<KubernetesObject> keda = new ArrayList<>();
    final List<ManifestDocument> others = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    final Map<String, String> seen = new HashMap<>();

    ValidationReport report() {
      return new ValidationReport(keda, others, problems);
    }

    void documents(Path file, List<JsonNode> docs) {
      for (int i = 0; i < docs.size(); i++) {
        document(new ManifestDocument(file, i, docs.get(i)));
      }
    }

    void document(ManifestDocument doc) {
      String where = doc.file() + ": document " + (doc.index() + 1);
      if (!doc.tree().isObject()) {
        problems.add(where + ": expected a Kubernetes object (a mapping)");
        return;
      }
      if (doc.apiVersion().isEmpty() || doc.kind().isEmpty()) {
        problems.add(where + ": apiVersion and kind are required");
        return;
      }
      if (KedaApi.LEGACY_GROUP.equals(doc.group())) {
        report(doc, LegacyManifests.explain(doc.tree()));
        return;
      }
      if (!KedaApi.GROUP.equals(doc.group())) {
        others.add(doc);
        return;
      }
      JsonNode schema = schemas.get(doc.kind());
      if (schema == null) {
        report(
            doc,
            List.of(
                new SpecError(
                    "kind",
                    "unknown kind \""
                        + doc.kind()
                        + "\" in "
                        + KedaApi.GROUP
                        + " (expected one of ScaledObject, ScaledJob, TriggerAuthentication,"
                        + " ClusterTriggerAuthentication)")));
        return;
      }
      if (!KedaApi.API_VERSION.equals(doc.apiVersion())) {
        report(
            doc,
            List.of(
                new SpecError(
                    "apiVersion",
                    "\"" + doc.apiVersion() + "\" is not served; use " + KedaApi.API_VERSION)));
        return;
      }
      List<SpecError> errors = schemaErrors(doc, schema);
      if (!errors.isEmpty()) {
        report(doc, errors);
        return;
      }
      KubernetesObject obj;
      try {
        obj = Manifests.toModel(doc.tree(), TYPES.get(doc.kind()));
      } catch (RuntimeException e) {
        report(doc, List.of(new SpecError("", "cannot be read: " + oneLine(e.getMessage()))));
        return;
      }
      report(doc, codeErrors(obj));
      keda.add(obj);
      String key = id(doc);
      String previous = seen.putIfAbsent(key, doc.file() + " document " + (doc.index() + 1));
      if (previous != null) {
        report(doc, List.of(new SpecError("", "defined twice (first in " + previous + ")")));
      }
    }

    private List<SpecError> schemaErrors(ManifestDocument doc, JsonNode schema) {
      List<SpecError> errors = new ArrayList<>();
      for (SpecError e : StrictSchemaValidator.validate(schema, doc.tree(), "")) {
        if (KedaApi.SCALED_JOB.equals(doc.kind()) && SJ_METRIC_TYPE.matcher(e.path()).matches()) {
          errors.add(new SpecError(e.path(), KedaValidation.SCALED_JOB_METRIC_TYPE));
        } else if (e.path().endsWith("scaleTargetRef.deploymentName")) {
          errors.add(
              new SpecError(e.path(), "unknown field (KEDA v1 name; use scaleTargetRef.name)"));
        } else if (e.path().endsWith("scaleTargetRef.containerName")) {
          errors.add(
              new SpecError(
                  e.path(),
                  "unknown field (KEDA v1 name; use scaleTargetRef.envSourceContainerName)"));
        } else {
          errors.add(e);
        }
      }
      // the API server keeps unknown keys there (preserve-unknown-fields), but client-java's
      // V1ObjectMeta cannot hold them: check the Job template metadata as strictly as metadata
      JsonNode template = doc.tree().path("spec").path("jobTargetRef").path("template");
      if (template.path("metadata").isObject()) {
        errors.addAll(
            StrictSchemaValidator.validate(
                metadataSchema, template.get("metadata"), "spec.jobTargetRef.template.metadata"));
      }
      JsonNode meta = doc.tree().path("metadata");
      if (meta.isObject()) {
        errors.addAll(StrictSchemaValidator.validate(metadataSchema, meta, "metadata"));
      }
      if (doc.name().isEmpty()) {
        errors.add(new SpecError("metadata.name", "required field is missing"));
      }
      return errors;
    }

    private List<SpecError> codeErrors(KubernetesObject obj) {
      if (obj instanceof ScaledObject so) {
        return KedaValidation.validate(so);
      }
      if (obj instanceof ScaledJob sj) {
        return KedaValidation.validate(sj);
      }
      if (obj instanceof TriggerAuthentication ta) {
        return KedaValidation.validateTriggerAuthentication(ta.getKind(), ta.getSpec());
      }
      ClusterTriggerAuthentication cta = (ClusterTriggerAuthentication) obj;
      return KedaValidation.validateTriggerAuthentication(cta.getKind(), cta.getSpec());
    }

    private void report(ManifestDocument doc, List<SpecError> errors) {
      for (SpecError e : errors) {
        problems.add(
            doc.file()
                + ": "
                + id(doc)
                + ": "
                + (e.path().isEmpty() ? "" : e.path() + ": ")
                + e.message());
      }
    }
  }

  /** {@code Kind namespace/name}, or {@code Kind name} for cluster-scoped kinds. */
  static String id(ManifestDocument doc) {
    String name = doc.name().isEmpty() ? "<unnamed>" : doc.name();
    if (KedaApi.CLUSTER_TRIGGER_AUTHENTICATION.equals(doc.kind())) {
      return doc.kind() + " " + name;
    }
    String ns = doc.namespace().isEmpty() ? "default" : doc.namespace();
    return doc.kind() + " " + ns + "/" + name;
  }
}
