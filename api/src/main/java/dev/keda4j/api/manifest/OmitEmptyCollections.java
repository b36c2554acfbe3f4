package dev.keda4j.api.manifest;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.annotations.SerializedName;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * client-java's generated models initialise their list and map fields to empty collections, so
 * plain Gson writes {@code "finalizers": []}, {@code "labels": {}}, ... for fields that were never
 * set. Kubernetes treats empty and unset alike for these fields; this factory omits them (and
 * nulls) when writing client-java models so a model serialises back to what was read.
 */
final class OmitEmptyCollections implements TypeAdapterFactory {
  private static final String MODELS = "io.kubernetes.client.openapi.models.";

  @Override
  public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
    Class<? super T> raw = type.getRawType();
    if (!raw.getName().startsWith(MODELS)) {
      return null;
    }
    Set<String> collections = collectionProperties(raw);
    if (collections.isEmpty()) {
      return null;
    }
    TypeAdapter<T> delegate = gson.getDelegateAdapter(this, type);
    TypeAdapter<JsonElement> elements = gson.getAdapter(JsonElement.class);
    return new TypeAdapter<T>() {
      @Override
      public void write(JsonWriter out, T value) throws IOException {
        if (value == null) {
          out.nullValue();
          return;
        }
        JsonElement tree = delegate.toJsonTree(value);
        if (tree.isJsonObject()) {
          JsonObject obj = tree.getAsJsonObject();
          for (String name : collections) {
            JsonElement v = obj.get(name);
            if (v != null && isEmpty(v)) {
              obj.remove(name);
            }
          }
        }
        elements.write(out, tree);
      }

      @Override
      public T read(JsonReader in) throws IOException {
        return delegate.read(in);
      }
    };
  }

  private static boolean isEmpty(JsonElement v) {
    return v.isJsonNull()
        || (v.isJsonArray() && v.getAsJsonArray().isEmpty())
        || (v.isJsonObject() && v.getAsJsonObject().isEmpty());
  }

  private static Set<String> collectionProperties(Class<?> c) {
    Set<String> out = new HashSet<>();
    for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
      for (Field f : k.getDeclaredFields()) {
        SerializedName sn = f.getAnnotation(SerializedName.class);
        if (sn != null
            && !Modifier.isStatic(f.getModifiers())
            && (Collection.class.isAssignableFrom(f.getType())
                || Map.class.isAssignableFrom(f.getType()))) {
          out.add(sn.value());
        }
      }
    }
    return out;
  }
}
