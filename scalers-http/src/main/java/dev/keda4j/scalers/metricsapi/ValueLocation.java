package dev.keda4j.scalers.metricsapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.keda4j.scalers.http.HttpScalerException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Extracts the metric from a response body by {@code valueLocation} (KEDA's GetValueFromResponse).
 */
final class ValueLocation {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String JSON_TYPE_ERROR =
      "valueLocation must point to value of type number or a string representing a Quantity got: '%s'";

  private ValueLocation() {}

  /**
   * The value at {@code location} in {@code body}.
   *
   * @throws HttpScalerException when the body does not parse or the location holds no number
   */
  static double extract(String body, ResponseFormat format, String location) {
    return switch (format) {
      case JSON -> fromJson(body, location);
      case YAML -> fromTree(readYaml(body), location);
      case XML -> fromTree(readXml(body), location);
      case PROMETHEUS -> PrometheusText.value(body, location);
    };
  }

  private static double fromJson(String body, String location) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      // GJSON reads invalid JSON as nothing; the lookup then finds Null.
      root = null;
    }
    JsonNode r = root == null ? null : GjsonPath.get(root, location);
    if (r != null && r.isTextual()) {
      try {
        return KubeQuantity.parse(r.asText());
      } catch (NumberFormatException e) {
        throw new HttpScalerException(String.format(JSON_TYPE_ERROR, r.asText()));
      }
    }
    if (r != null && r.isNumber()) {
      return r.asDouble();
    }
    throw new HttpScalerException(String.format(JSON_TYPE_ERROR, gjsonType(r)));
  }

  private static String gjsonType(JsonNode r) {
    if (r == null || r.isMissingNode() || r.isNull()) {
      return "Null";
    }
    if (r.isBoolean()) {
      return r.asBoolean() ? "True" : "False";
    }
    return "JSON";
  }

  /** Dotted path over maps and lists; the first scalar reached is the value. */
  static double fromTree(JsonNode root, String location) {
    JsonNode current = root;
    for (String key : List.of(location.split("\\.", -1))) {
      if (current.isValueNode()) {
        break;
      }
      if (current.isObject()) {
        if (!current.has(key)) {
          throw new HttpScalerException("key '" + key + "' not found in path '" + location + "'");
        }
        current = current.get(key);
      } else if (current.isArray()) {
        int index;
        try {
          index = Integer.parseInt(key);
        } catch (NumberFormatException e) {
          throw new HttpScalerException(
              "key '" + key + "' is not an index of a list in path '" + location + "'");
        }
        if (index < 0 || index >= current.size()) {
          throw new HttpScalerException(
              "index " + index + " out of range in path '" + location + "'");
        }
        current = current.get(index);
      } else {
        throw new HttpScalerException("no value at path '" + location + "'");
      }
    }
    if (current.isNumber()) {
      return current.asDouble();
    }
    if (current.isTextual()) {
      try {
        return KubeQuantity.parse(current.asText().trim());
      } catch (NumberFormatException e) {
        throw new HttpScalerException(
            "value at path '" + location + "' is not a number or a quantity: " + current.asText());
      }
    }
    throw new HttpScalerException(
        "value at path '" + location + "' is not a number but " + current.getNodeType());
  }

  private static JsonNode readYaml(String body) {
    try {
      JsonNode n = YAML.readTree(body);
      // KEDA decodes into a map: a bare scalar or list document is not a response it accepts.
      if (n == null || !n.isObject()) {
        throw new HttpScalerException("unable to parse yaml: the document is not a map");
      }
      return n;
    } catch (IOException e) {
      throw new HttpScalerException("unable to parse yaml: " + firstLine(e.getMessage()));
    }
  }

  private static JsonNode readXml(String body) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setExpandEntityReferences(false);
      Element root =
          f.newDocumentBuilder()
              .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))
              .getDocumentElement();
      ObjectNode doc = JsonNodeFactory.instance.objectNode();
      doc.set(root.getTagName(), xmlToTree(root));
      return doc;
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new HttpScalerException("unable to parse xml: " + firstLine(e.getMessage()));
    }
  }

  // Repeated child elements become a list, like a map-based XML decoder.
  private static JsonNode xmlToTree(Element e) {
    NodeList children = e.getChildNodes();
    ObjectNode obj = JsonNodeFactory.instance.objectNode();
    boolean hasElements = false;
    for (int i = 0; i < children.getLength(); i++) {
      Node c = children.item(i);
      if (c instanceof Element child) {
        hasElements = true;
        JsonNode value = xmlToTree(child);
        JsonNode existing = obj.get(child.getTagName());
        if (existing == null) {
          obj.set(child.getTagName(), value);
        } else if (existing.isArray()) {
          ((com.fasterxml.jackson.databind.node.ArrayNode) existing).add(value);
        } else {
          obj.set(
              child.getTagName(), JsonNodeFactory.instance.arrayNode().add(existing).add(value));
        }
      }
    }
    return hasElements ? obj : JsonNodeFactory.instance.textNode(e.getTextContent().trim());
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
