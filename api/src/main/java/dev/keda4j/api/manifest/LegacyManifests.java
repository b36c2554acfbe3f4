package dev.keda4j.api.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keda4j.api.v1alpha1.KedaApi;
import dev.keda4j.api.v1alpha1.SpecError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Explains why a KEDA v1 (keda.k8s.io) object is refused and what its keda.sh form is. */
final class LegacyManifests {
  private LegacyManifests() {}

  static List<SpecError> explain(JsonNode doc) {
    List<SpecError> out = new ArrayList<>();
    out.add(
        new SpecError(
            "apiVersion",
            "\""
                + doc.path("apiVersion").asText()
                + "\" is KEDA v1's legacy API group "
                + KedaApi.LEGACY_GROUP
                + ", which keda4j (like KEDA 2) does not serve; rewrite the object in the "
                + KedaApi.API_VERSION
                + " form: apiVersion: "
                + KedaApi.API_VERSION
                + ", spec.scaleTargetRef.name, spec.triggers as a list"));
    JsonNode ref = doc.path("spec").path("scaleTargetRef");
    if (ref.has("deploymentName")) {
      out.add(
          new SpecError(
              "spec.scaleTargetRef.deploymentName",
              "KEDA v1 field; in "
                  + KedaApi.API_VERSION
                  + " use spec.scaleTargetRef.name (kind defaults to Deployment, apiVersion to"
                  + " apps/v1)"));
    }
    if (ref.has("containerName")) {
      out.add(
          new SpecError(
              "spec.scaleTargetRef.containerName",
              "KEDA v1 field; in "
                  + KedaApi.API_VERSION
                  + " use spec.scaleTargetRef.envSourceContainerName"));
    }
    if (doc.has("triggers")) {
      out.add(
          new SpecError(
              "triggers",
              "triggers outside spec; in "
                  + KedaApi.API_VERSION
                  + " triggers are a list under spec.triggers (- type: ..., metadata: {...})"));
    } else if (doc.path("spec").path("triggers").isObject()) {
      out.add(
          new SpecError(
              "spec.triggers",
              "triggers must be a list in "
                  + KedaApi.API_VERSION
                  + " (- type: ..., metadata: ...)"));
    }
    out.add(
        new SpecError(
            "", "the " + KedaApi.API_VERSION + " form is: " + Manifests.toJson(convert(doc))));
    return out;
  }

  /** The structural keda.sh/v1alpha1 rewrite of a legacy object. */
  static ObjectNode convert(JsonNode doc) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode out = f.objectNode();
    out.put("apiVersion", KedaApi.API_VERSION);
    out.set("kind", doc.path("kind").deepCopy());
    if (doc.has("metadata")) {
      out.set("metadata", doc.get("metadata").deepCopy());
    }
    ObjectNode spec = out.putObject("spec");
    Iterator<Map.Entry<String, JsonNode>> it = doc.path("spec").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("scaleTargetRef")) {
        ObjectNode ref = spec.putObject("scaleTargetRef");
        e.getValue()
            .fields()
            .forEachRemaining(
                r -> {
                  String key =
                      switch (r.getKey()) {
                        case "deploymentName" -> "name";
                        case "containerName" -> "envSourceContainerName";
                        default -> r.getKey();
                      };
                  ref.set(key, r.getValue().deepCopy());
                });
      } else if (!e.getKey().equals("triggers")) {
        spec.set(e.getKey(), e.getValue().deepCopy());
      }
    }
    JsonNode triggers =
        doc.has("triggers") ? doc.get("triggers") : doc.path("spec").path("triggers");
    if (!triggers.isMissingNode()) {
      ArrayNode list = spec.putArray("triggers");
      if (triggers.isArray()) {
        triggers.forEach(t -> list.add(t.deepCopy()));
      } else {
        list.add(triggers.deepCopy());
      }
    }
    return out;
  }
}
