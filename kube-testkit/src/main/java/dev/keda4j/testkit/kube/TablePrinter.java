package dev.keda4j.testkit.kube;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Server-side printing: a GET or list of a custom resource whose {@code Accept} asks for {@code
 * as=Table;g=meta.k8s.io} is answered with a {@code meta.k8s.io Table} built like the API server's
 * CRD table convertor: column {@code Name} plus the CRD's {@code additionalPrinterColumns} (or
 * {@code Age} when it defines none), one row per object, {@code date} columns as ages. Built-in
 * kinds are left alone; kubectl prints the plain answer itself.
 */
final class TablePrinter {

  static final String GROUP = "meta.k8s.io";

  private static final String NAME_DESCRIPTION =
      "Name must be unique within a namespace. Is required when creating resources, although some"
          + " resources may allow a client to request the generation of an appropriate name"
          + " automatically. Name is primarily intended for creation idempotence and"
          + " configuration definition. Cannot be updated. More info:"
          + " https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names";
  private static final String AGE_DESCRIPTION =
      "CreationTimestamp is a timestamp representing the server time when this object was"
          + " created. It is not guaranteed to be set in happens-before order across separate"
          + " operations. Clients may not set this value. It is represented in RFC3339 form and is"
          + " in UTC.";

  private record Column(JsonObject definition, JsonPathSubset path) {}

  private final ResourceRegistry registry;
  private final Clock clock;

  TablePrinter(ResourceRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  /**
   * The Table version an {@code Accept} header asks for ({@code v1} or {@code v1beta1}, the first
   * acceptable entry wins), or null when it does not ask for a Table.
   */
  static String requestedVersion(String accept) {
    if (accept == null) {
      return null;
    }
    for (String mediaType : accept.split(",")) {
      String[] parts = mediaType.split(";");
      if (!parts[0].trim().equalsIgnoreCase("application/json")) {
        continue;
      }
      String as = null;
      String group = null;
      String version = null;
      for (int i = 1; i < parts.length; i++) {
        String[] kv = parts[i].trim().split("=", 2);
        String value = kv.length == 2 ? kv[1].trim() : "";
        switch (kv[0].trim().toLowerCase(Locale.ROOT)) {
          case "as" -> as = value;
          case "g" -> group = value;
          case "v" -> version = value;
          default -> {
            // q and other parameters do not matter here
          }
        }
      }
      if ("Table".equals(as)
          && GROUP.equals(group)
          && ("v1".equals(version) || "v1beta1".equals(version))) {
        return version;
      }
    }
    return null;
  }

  /** Whether the path is a collection or object of a CRD the stand-in knows (no subresource). */
  boolean applies(ApiPath p) {
    return p.subresource() == null
        && registry.printerColumns(p.group(), p.version(), p.resource()).isPresent();
  }

  /**
   * The Table for a successful list or get answer. {@code includeObject} is {@code None}, {@code
   * Object} or {@code Metadata} (the default).
   */
  Answer table(Answer answer, ApiPath p, String version, String includeObject) {
    List<Column> columns = columns(p);
    JsonArray definitions = new JsonArray().add(column("Name", "string", "name", NAME_DESCRIPTION));
    columns.forEach(c -> definitions.add(c.definition()));
    JsonObject body = answer.body();
    JsonObject tableMeta = new JsonObject();
    List<JsonObject> objects = new ArrayList<>();
    if (p.name() == null) {
      JsonObject listMeta = body.getJsonObject("metadata", new JsonObject());
      copy(listMeta, tableMeta, "resourceVersion");
      copy(listMeta, tableMeta, "continue");
      copy(listMeta, tableMeta, "remainingItemCount");
      for (Object item : body.getJsonArray("items", new JsonArray())) {
        if (item instanceof JsonObject o) {
          objects.add(o);
        }
      }
    } else {
      copy(body.getJsonObject("metadata", new JsonObject()), tableMeta, "resourceVersion");
      objects.add(body);
    }
    JsonArray rows = new JsonArray();
    for (JsonObject o : objects) {
      rows.add(row(o, columns, version, includeObject));
    }
    return new Answer(
        answer.code(),
        new JsonObject()
            .put("kind", "Table")
            .put("apiVersion", GROUP + "/" + version)
            .put("metadata", tableMeta)
            .put("columnDefinitions", definitions)
            .put("rows", rows));
  }

  private List<Column> columns(ApiPath p) {
    JsonArray declared =
        registry.printerColumns(p.group(), p.version(), p.resource()).orElseGet(JsonArray::new);
    List<Column> columns = new ArrayList<>();
    if (declared.isEmpty()) {
      columns.add(
          new Column(
              column("Age", "date", "", AGE_DESCRIPTION),
              JsonPathSubset.parse(".metadata.creationTimestamp")));
      return columns;
    }
    for (Object c : declared) {
      JsonObject d = (JsonObject) c;
      String jsonPath = d.getString("jsonPath", d.getString("JSONPath", ""));
      String description = d.getString("description", "");
      if (description.isEmpty()) {
        description = "Custom resource definition column (in JSONPath format): " + jsonPath;
      }
      JsonPathSubset path;
      try {
        path = JsonPathSubset.parse(jsonPath);
      } catch (IllegalArgumentException e) {
        path = null;
      }
      columns.add(
          new Column(
              column(
                      d.getString("name", ""),
                      d.getString("type", "string"),
                      d.getString("format", ""),
                      description)
                  .put("priority", d.getInteger("priority", 0)),
              path));
    }
    return columns;
  }

  private static JsonObject column(String name, String type, String format, String description) {
    return new JsonObject()
        .put("name", name)
        .put("type", type)
        .put("format", format)
        .put("description", description)
        .put("priority", 0);
  }

  private JsonObject row(
      JsonObject object, List<Column> columns, String version, String includeObject) {
    JsonObject metadata = object.getJsonObject("metadata", new JsonObject());
    JsonArray cells = new JsonArray().add(metadata.getString("name", ""));
    for (Column c : columns) {
      cells.add(cell(c, object));
    }
    JsonObject row = new JsonObject().put("cells", cells);
    if ("Object".equals(includeObject)) {
      row.put("object", object);
    } else if (!"None".equals(includeObject)) {
      row.put(
          "object",
          new JsonObject()
              .put("kind", "PartialObjectMetadata")
              .put("apiVersion", GROUP + "/" + version)
              .put("metadata", metadata));
    }
    return row;
  }

  /**
   * One cell: null when the path finds nothing; for {@code string} columns the text of every match
   * joined with {@code ,}; otherwise the first match converted to the column's type (null when it
   * is not of that type), {@code date} as an age.
   */
  private Object cell(Column c, JsonObject object) {
    if (c.path() == null) {
      return null;
    }
    List<Object> found = c.path().find(object);
    if (found.isEmpty()) {
      return null;
    }
    Object value = found.get(0);
    String type = c.definition().getString("type");
    switch (type) {
      case "string":
        {
          List<String> texts = new ArrayList<>();
          found.forEach(v -> texts.add(JsonPathSubset.text(v)));
          return String.join(",", texts);
        }
      case "integer":
        return value instanceof Number n ? (Object) n.longValue() : null;
      case "number":
        return value instanceof Number n ? (Object) n.doubleValue() : null;
      case "boolean":
        return value instanceof Boolean ? value : null;
      case "date":
        if (value instanceof String s) {
          try {
            return age(Duration.between(Instant.parse(s), clock.instant()));
          } catch (DateTimeParseException e) {
            return "<invalid>";
          }
        }
        return null;
      default:
        return null;
    }
  }

  /** An age the way the API server and kubectl print it (apimachinery's HumanDuration). */
  static String age(Duration d) {
    long seconds = d.toMillis() / 1000; // truncated towards zero like Go's int(d.Seconds())
    if (seconds < -1) {
      return "<invalid>";
    } else if (seconds < 0) {
      return "0s";
    } else if (seconds < 60 * 2) {
      return seconds + "s";
    }
    long minutes = seconds / 60;
    if (minutes < 10) {
      long s = seconds % 60;
      return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
    } else if (minutes < 60 * 3) {
      return minutes + "m";
    }
    long hours = minutes / 60;
    if (hours < 8) {
      long m = minutes % 60;
      return m == 0 ? hours + "h" : hours + "h" + m + "m";
    } else if (hours < 48) {
      return hours + "h";
    } else if (hours < 24 * 8) {
      long h = hours % 24;
      return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
    } else if (hours < 24 * 365 * 2) {
      return hours / 24 + "d";
    } else if (hours < 24 * 365 * 8) {
      long dy = hours / 24 % 365;
      return dy == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + dy + "d";
    }
    return hours / 24 / 365 + "y";
  }

  private static void copy(JsonObject from, JsonObject to, String key) {
    Object v = from.getValue(key);
    if (v != null && !"".equals(v)) {
      to.put(key, v);
    }
  }

  /** The content type of a Table answer, as the API server labels it; empty for other bodies. */
  static Optional<String> contentType(JsonObject body) {
    if (body != null
        && "Table".equals(body.getString("kind"))
        && body.getString("apiVersion", "").startsWith(GROUP + "/")) {
      String v = body.getString("apiVersion").substring(GROUP.length() + 1);
      return Optional.of("application/json;as=Table;v=" + v + ";g=" + GROUP);
    }
    return Optional.empty();
  }
}
