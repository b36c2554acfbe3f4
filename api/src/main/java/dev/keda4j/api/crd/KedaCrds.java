package dev.keda4j.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keda4j.api.v1alpha1.KedaApi;
import dev.keda4j.api.v1alpha1.ScaledJobSpec;
import dev.keda4j.api.v1alpha1.ScaledJobStatus;
import dev.keda4j.api.v1alpha1.ScaledObjectSpec;
import dev.keda4j.api.v1alpha1.ScaledObjectStatus;
import dev.keda4j.api.v1alpha1.TriggerAuthenticationSpec;
import dev.keda4j.api.v1alpha1.TriggerAuthenticationStatus;
import java.util.List;

/**
 * The four keda.sh/v1alpha1 CustomResourceDefinitions, built in memory from the model. The same
 * schemas back the committed CRD files and the offline {@code ManifestValidator}.
 */
public final class KedaCrds {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String CONDITION = ".status.conditions[?(@.type==\"%s\")].status";

  /** One CRD: its kind, plural, file name and the full CRD document. */
  public record Crd(String kind, String plural, String fileName, ObjectNode document) {
    /** The {@code openAPIV3Schema} of the single version. */
    public JsonNode schema() {
      return document.path("spec").path("versions").path(0).path("schema").path("openAPIV3Schema");
    }
  }

  private KedaCrds() {}

  /** All four CRDs, in a stable order. */
  public static List<Crd> all() {
    return List.of(scaledObjects(), scaledJobs(), triggerAuthentications(true), cta());
  }

  /** The CRD of a kind, or null if the kind is not a keda.sh kind. */
  public static Crd forKind(String kind) {
    for (Crd c : all()) {
      if (c.kind().equals(kind)) {
        return c;
      }
    }
    return null;
  }

  private static Crd scaledObjects() {
    ObjectNode spec = new SchemaBuilder().schemaOf(ScaledObjectSpec.class);
    ObjectNode status = new SchemaBuilder().schemaOf(ScaledObjectStatus.class);
    ArrayNode cols = F.arrayNode();
    col(cols, "ScaleTargetKind", "string", ".status.scaleTargetKind", 0);
    col(cols, "ScaleTargetName", "string", ".spec.scaleTargetRef.name", 0);
    col(cols, "Min", "integer", ".spec.minReplicaCount", 0);
    col(cols, "Max", "integer", ".spec.maxReplicaCount", 0);
    col(cols, "Ready", "string", String.format(CONDITION, "Ready"), 0);
    col(cols, "Active", "string", String.format(CONDITION, "Active"), 0);
    col(cols, "Fallback", "string", String.format(CONDITION, "Fallback"), 0);
    col(cols, "Paused", "string", String.format(CONDITION, "Paused"), 0);
    col(cols, "Triggers", "string", ".status.triggersTypes", 0);
    col(cols, "Authentications", "string", ".status.authenticationsTypes", 0);
    col(cols, "Age", "date", ".metadata.creationTimestamp", 0);
    return crd(
        KedaApi.SCALED_OBJECT,
        KedaApi.SCALED_OBJECTS,
        "scaledobject",
        List.of("so"),
        "Namespaced",
        "ScaledObject is a specification for a ScaledObject resource",
        cols,
        spec,
        status);
  }

  private static Crd scaledJobs() {
    ObjectNode spec = new SchemaBuilder().schemaOf(ScaledJobSpec.class);
    // KEDA's config/crd/patches/scaledjob_patch.yaml: metricType is not part of ScaledJob triggers
    ((ObjectNode) spec.path("properties").path("triggers").path("items").path("properties"))
        .remove("metricType");
    ObjectNode status = new SchemaBuilder().schemaOf(ScaledJobStatus.class);
    ArrayNode cols = F.arrayNode();
    col(cols, "Min", "integer", ".spec.minReplicaCount", 0);
    col(cols, "Max", "integer", ".spec.maxReplicaCount", 0);
    col(cols, "Triggers", "string", ".status.triggersTypes", 0);
    col(cols, "Authentication", "string", ".status.authenticationsTypes", 0);
    col(cols, "Ready", "string", String.format(CONDITION, "Ready"), 0);
    col(cols, "Active", "string", String.format(CONDITION, "Active"), 0);
    col(cols, "Paused", "string", String.format(CONDITION, "Paused"), 0);
    col(cols, "Age", "date", ".metadata.creationTimestamp", 0);
    return crd(
        KedaApi.SCALED_JOB,
        KedaApi.SCALED_JOBS,
        "scaledjob",
        List.of("sj"),
        "Namespaced",
        "ScaledJob is the Schema for the scaledjobs API",
        cols,
        spec,
        status);
  }

  private static Crd triggerAuthentications(boolean namespaced) {
    ObjectNode spec = new SchemaBuilder().schemaOf(TriggerAuthenticationSpec.class);
    ObjectNode status = new SchemaBuilder().schemaOf(TriggerAuthenticationStatus.class);
    ArrayNode cols = F.arrayNode();
    col(cols, "PodIdentity", "string", ".spec.podIdentity.provider", 0);
    col(cols, "Secret", "string", ".spec.secretTargetRef[*].name", 0);
    col(cols, "Env", "string", ".spec.env[*].name", 0);
    if (!namespaced) {
      col(cols, "FilePath", "string", ".spec.filePath", 0);
    }
    col(cols, "VaultAddress", "string", ".spec.hashiCorpVault.address", 0);
    col(cols, "ScaledObjects", "string", ".status.scaledobjects", 1);
    col(cols, "ScaledJobs", "string", ".status.scaledjobs", 1);
    if (namespaced) {
      return crd(
          KedaApi.TRIGGER_AUTHENTICATION,
          KedaApi.TRIGGER_AUTHENTICATIONS,
          "triggerauthentication",
          List.of("ta", "triggerauth"),
          "Namespaced",
          "TriggerAuthentication defines how a trigger can authenticate",
          cols,
          spec,
          status);
    }
    return crd(
        KedaApi.CLUSTER_TRIGGER_AUTHENTICATION,
        KedaApi.CLUSTER_TRIGGER_AUTHENTICATIONS,
        "clustertriggerauthentication",
        List.of("cta", "clustertriggerauth"),
        "Cluster",
        "ClusterTriggerAuthentication defines how a trigger can authenticate globally",
        cols,
        spec,
        status);
  }

  private static Crd cta() {
    return triggerAuthentications(false);
  }

  private static void col(ArrayNode cols, String name, String type, String path, int priority) {
    ObjectNode c = cols.addObject();
    c.put("jsonPath", path);
    c.put("name", name);
    if (priority > 0) {
      c.put("priority", priority);
    }
    c.put("type", type);
  }

  @SuppressWarnings("checkstyle:ParameterNumber") // a CRD is described by exactly these parts
  private static Crd crd(
      String kind,
      String plural,
      String singular,
      List<String> shortNames,
      String scope,
      String description,
      ArrayNode columns,
      ObjectNode spec,
      ObjectNode status) {
    ObjectNode doc = F.objectNode();
    doc.put("apiVersion", "apiextensions.k8s.io/v1");
    doc.put("kind", "CustomResourceDefinition");
    ObjectNode meta = doc.putObject("metadata");
    meta.putObject("labels").put("app.kubernetes.io/part-of", "keda4j");
    meta.put("name", plural + "." + KedaApi.GROUP);
    ObjectNode s = doc.putObject("spec");
    s.put("group", KedaApi.GROUP);
    ObjectNode names = s.putObject("names");
    names.put("kind", kind);
    names.put("listKind", kind + "List");
    names.put("plural", plural);
    ArrayNode sn = names.putArray("shortNames");
    shortNames.forEach(sn::add);
    names.put("singular", singular);
    s.put("scope", scope);
    ObjectNode v = s.putArray("versions").addObject();
    v.set("additionalPrinterColumns", columns);
    v.put("name", KedaApi.VERSION);
    ObjectNode root = v.putObject("schema").putObject("openAPIV3Schema");
    root.put("description", description);
    ObjectNode props = root.putObject("properties");
    props.putObject("apiVersion").put("type", "string");
    props.putObject("kind").put("type", "string");
    props.putObject("metadata").put("type", "object");
    props.set("spec", spec);
    props.set("status", status);
    root.putArray("required").add("spec");
    root.put("type", "object");
    v.put("served", true);
    v.put("storage", true);
    v.putObject("subresources").putObject("status");
    return new Crd(
        kind,
        plural,
        KedaApi.GROUP + "_" + plural + ".yaml",
        (ObjectNode) SchemaBuilder.sorted(doc));
  }
}
