package dev.keda4j.controller.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StatusWriterTest {
  private static final Set<String> MANAGED =
      Set.of("conditions", "lastActiveTime", "triggersActivity");

  static Stream<Arguments> cases() {
    return Stream.of(
        arguments(
            "equal status writes nothing",
            "{\"conditions\":[{\"type\":\"Ready\"}]}",
            "{\"conditions\":[{\"type\":\"Ready\"}]}",
            null),
        arguments(
            "changed field only",
            "{\"conditions\":[],\"triggersTypes\":\"redis\",\"lastActiveTime\":\"a\"}",
            "{\"conditions\":[],\"lastActiveTime\":\"b\"}",
            "{\"lastActiveTime\":\"b\"}"),
        arguments(
            "map keys that disappeared are deleted",
            "{\"triggersActivity\":{\"s0-a\":{\"isActive\":true}}}",
            "{\"triggersActivity\":{\"s1-b\":{\"isActive\":true}}}",
            "{\"triggersActivity\":{\"s1-b\":{\"isActive\":true},\"s0-a\":null}}"),
        arguments(
            "a managed field no longer set is deleted",
            "{\"lastActiveTime\":\"a\"}",
            "{}",
            "{\"lastActiveTime\":null}"),
        arguments("unmanaged fields are left alone", "{\"triggersTypes\":\"redis\"}", "{}", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void diffs(String name, String known, String desired, String patch) {
    Optional<JsonObject> d = StatusWriter.diff(json(known), json(desired), MANAGED);
    if (patch == null) {
      assertThat(d).isEmpty();
    } else {
      assertThat(d).contains(json(patch));
    }
  }

  private static JsonObject json(String s) {
    return JsonParser.parseString(s).getAsJsonObject();
  }
}
