package dev.keda4j.api.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.gson.Gson;
import io.kubernetes.client.openapi.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading manifests: multi-document YAML to JSON trees (Jackson), and trees to and from model
 * objects through client-java's Gson (the serialisation the controller uses on the wire).
 */
public final class Manifests {
  private static final YAMLMapper YAML =
      YAMLMapper.builder(
              YAMLFactory.builder()
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .disable(YAMLGenerator.Feature.SPLIT_LINES)
                  .build())
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();
  private static final ObjectMapper JSON_MAPPER = new ObjectMapper();

  private Manifests() {}

  private static final Gson GSON =
      new JSON()
          .getGson()
          .newBuilder()
          .registerTypeAdapterFactory(new OmitEmptyCollections())
          .create();

  /**
   * client-java's Gson ({@code new JSON().getGson()}) with one addition: list and map fields of
   * client-java models that are empty (the generated models initialise them so) are not written.
   */
  public static Gson gson() {
    return GSON;
  }

  /** Every non-empty document of a YAML file, as JSON trees. */
  public static List<JsonNode> read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Every non-empty document of a YAML (or JSON) text, as JSON trees. */
  public static List<JsonNode> parse(String yaml) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      while (it.hasNextValue()) {
        JsonNode n = it.nextValue();
        if (n != null && !n.isNull() && !n.isMissingNode()) {
          docs.add(n);
        }
      }
    }
    return docs;
  }

  /** A tree as a model object (Gson). */
  public static <T> T toModel(JsonNode tree, Class<T> type) {
    return gson().fromJson(toJson(tree), type);
  }

  /** A model object as a tree (Gson, unset fields omitted). */
  public static JsonNode toTree(Object model) {
    return parseJson(gson().toJson(model));
  }

  /** A tree as compact JSON text. */
  public static String toJson(JsonNode tree) {
    try {
      return JSON_MAPPER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** JSON text as a tree. */
  public static JsonNode parseJson(String json) {
    try {
      return JSON_MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A tree as YAML text. */
  public static String toYaml(JsonNode tree) {
    try {
      return YAML.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
