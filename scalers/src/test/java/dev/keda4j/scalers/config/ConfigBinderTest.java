package dev.keda4j.scalers.config;

import static dev.keda4j.scalers.config.Source.AUTH_PARAMS;
import static dev.keda4j.scalers.config.Source.RESOLVED_ENV;
import static dev.keda4j.scalers.config.Source.TRIGGER_METADATA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigBinderTest {

  record Sample(
      @Param(name = "name") String name,
      @Param(name = "count", defaultValue = "5") int count,
      @Param(name = "big", optional = true) Long big,
      @Param(name = "ratio", optional = true) double ratio,
      @Param(name = "flag", optional = true) Boolean flag,
      @Param(name = "wait", optional = true) Duration waitTime,
      @Param(name = "items", optional = true) List<String> items,
      @Param(name = "nums", optional = true) List<Integer> nums,
      @Param(name = "labels", optional = true) Map<String, String> labels,
      @Param(
              name = "mode",
              optional = true,
              enumValues = {"a", "b", "c"})
          String mode,
      @Param(
              name = "address;addresses",
              order = {TRIGGER_METADATA, AUTH_PARAMS, RESOLVED_ENV},
              optional = true)
          String address,
      @Param(
              name = "password",
              order = {TRIGGER_METADATA, RESOLVED_ENV, AUTH_PARAMS},
              optional = true,
              sensitive = true)
          String password,
      @Param(name = "old", optional = true, deprecated = "old is gone, use name") String old,
      @Param(name = "legacy", optional = true, deprecatedAnnounce = "legacy will go away")
          String legacy) {
    @Override
    public String toString() {
      return ConfigStrings.describe(this);
    }
  }

  private static Bound<Sample> bind(Map<String, String> md) throws ConfigException {
    return bind(md, Map.of(), Map.of());
  }

  private static Bound<Sample> bind(
      Map<String, String> md, Map<String, String> env, Map<String, String> auth)
      throws ConfigException {
    return ConfigBinder.bind(Sample.class, "sample", "", md, env, auth);
  }

  @Test
  void defaultsAndZeroValues() throws Exception {
    Sample s = bind(Map.of("name", "x")).config();
    assertThat(s.count()).isEqualTo(5);
    assertThat(s.big()).isNull();
    assertThat(s.ratio()).isZero();
    assertThat(s.flag()).isNull();
    assertThat(s.waitTime()).isNull();
    assertThat(s.items()).isEmpty();
    assertThat(s.labels()).isEmpty();
    assertThat(s.address()).isEmpty();
  }

  @Test
  void missingRequiredUsesKedasMessage() {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> bind(Map.of()));
    assertThat(e.errors())
        .containsExactly(
            new ConfigError("name", "missing required parameter \"name\" in [triggerMetadata]"));
    assertThat(e)
        .hasMessage(
            "error parsing sample metadata: missing required parameter \"name\" in [triggerMetadata]");
  }

  @Test
  void allErrorsReportedAtOnce() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> bind(Map.of("count", "5.0", "mode", "z", "flag", "yes")));
    assertThat(e.errors())
        .extracting(ConfigError::param)
        .containsExactly("name", "count", "flag", "mode");
    assertThat(e.getMessage().split("\n")).hasSize(4);
  }

  static Stream<Arguments> conversions() {
    return Stream.of(
        Arguments.of("int 5", "count", "5", (Check) s -> s.count() == 5),
        Arguments.of("int trimmed", "count", "  7 ", (Check) s -> s.count() == 7),
        Arguments.of("int negative", "count", "-3", (Check) s -> s.count() == -3),
        Arguments.of("long", "big", "9000000000", (Check) s -> s.big() == 9_000_000_000L),
        Arguments.of("float from int literal", "ratio", "5", (Check) s -> s.ratio() == 5.0),
        Arguments.of("float", "ratio", "1.5e2", (Check) s -> s.ratio() == 150.0),
        Arguments.of("bool 1", "flag", "1", (Check) s -> s.flag()),
        Arguments.of("bool True", "flag", "True", (Check) s -> s.flag()),
        Arguments.of("bool F", "flag", "F", (Check) s -> !s.flag()),
        Arguments.of("duration go", "wait", "1h30m", (Check) s -> s.waitTime().toMinutes() == 90),
        Arguments.of("duration ms", "wait", "1500", (Check) s -> s.waitTime().toMillis() == 1500),
        Arguments.of("duration frac", "wait", "1.5s", (Check) s -> s.waitTime().toMillis() == 1500),
        Arguments.of(
            "list trimmed",
            "items",
            " a , b,c ",
            (Check) s -> s.items().equals(List.of("a", "b", "c"))),
        Arguments.of("list ints", "nums", "1, 2", (Check) s -> s.nums().equals(List.of(1, 2))),
        Arguments.of(
            "map",
            "labels",
            "k=v, k2 = v2",
            (Check) s -> s.labels().equals(Map.of("k", "v", "k2", "v2"))),
        Arguments.of("enum list", "mode", "a, c", (Check) s -> s.mode().equals("a, c")));
  }

  interface Check {
    boolean test(Sample s);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("conversions")
  void convertsValues(String caseName, String key, String value, Check check) throws Exception {
    Sample s = bind(Map.of("name", "x", key, value)).config();
    assertThat(check.test(s)).as(s.toString()).isTrue();
  }

  static Stream<Arguments> invalidValues() {
    return Stream.of(
        Arguments.of("count", "5.0", "json: cannot unmarshal number 5.0 into Go value of type int"),
        Arguments.of("count", "AA", "invalid character 'A' looking for beginning of value"),
        Arguments.of("count", "5x", "invalid character 'x' after top-level value"),
        Arguments.of("count", "99999999999", "json: cannot unmarshal number 99999999999"),
        Arguments.of("ratio", "1,5", "invalid character ',' after top-level value"),
        Arguments.of("flag", "yes", "strconv.ParseBool: parsing \"yes\": invalid syntax"),
        Arguments.of("wait", "-5", "duration cannot be negative"),
        Arguments.of("wait", "-5s", "duration cannot be negative"),
        Arguments.of("wait", "5x", "time: unknown unit \"x\" in duration \"5x\""),
        Arguments.of("wait", "5s3", "time: missing unit in duration \"5s3\""),
        Arguments.of("labels", "a=b,c", "expected format key=value, got \"c\""),
        Arguments.of(
            "nums", "1,x", "slice element 1: invalid character 'x' looking for beginning"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("invalidValues")
  void invalidValuesReportKedaMessages(String key, String value, String cause) {
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> bind(Map.of("name", "x", key, value)));
    assertThat(e.errors()).hasSize(1);
    assertThat(e.errors().get(0).param()).isEqualTo(key);
    assertThat(e.errors().get(0).reason())
        .startsWith("unable to set param \"" + key + "\" value \"" + value + "\": ")
        .contains(cause);
  }

  @Test
  void enumRejectsUnknownElement() {
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> bind(Map.of("name", "x", "mode", "a,d")));
    assertThat(e.errors().get(0).reason())
        .isEqualTo("parameter \"mode\" value \"a,d\" must be one of [a b c]");
  }

  static Stream<Arguments> lookupOrder() {
    return Stream.of(
        Arguments.of(
            "metadata wins", Map.of("address", "m:1"), Map.of(), Map.of("address", "a:1"), "m:1"),
        Arguments.of("alias in metadata", Map.of("addresses", "m:2"), Map.of(), Map.of(), "m:2"),
        Arguments.of(
            "auth before env",
            Map.of("addressFromEnv", "E"),
            Map.of("E", "e:1"),
            Map.of("address", "a:1"),
            "a:1"),
        Arguments.of(
            "env when no auth", Map.of("addressFromEnv", "E"), Map.of("E", "e:1"), Map.of(), "e:1"),
        Arguments.of(
            "blank metadata skipped",
            Map.of("address", "  "),
            Map.of(),
            Map.of("addresses", "a:2"),
            "a:2"),
        Arguments.of("trimmed", Map.of("address", " m:3 "), Map.of(), Map.of(), "m:3"),
        Arguments.of("missing env var", Map.of("addressFromEnv", "NOPE"), Map.of(), Map.of(), ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lookupOrder")
  void lookupFollowsDeclaredOrder(
      String caseName,
      Map<String, String> md,
      Map<String, String> env,
      Map<String, String> auth,
      String expected)
      throws Exception {
    Map<String, String> withName = new java.util.HashMap<>(md);
    withName.put("name", "x");
    assertThat(bind(withName, env, auth).config().address()).isEqualTo(expected);
  }

  @Test
  void passwordFromEnvBeforeAuthParams() throws Exception {
    Sample s =
        bind(
                Map.of("name", "x", "passwordFromEnv", "PW"),
                Map.of("PW", "from-env"),
                Map.of("password", "from-auth"))
            .config();
    assertThat(s.password()).isEqualTo("from-env");
  }

  @Test
  void deprecatedParameterIsAnError() {
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> bind(Map.of("name", "x", "old", "1")));
    assertThat(e.errors().get(0).reason()).isEqualTo("scaler sample info: old is gone, use name");
  }

  @Test
  void deprecationNoticeAndUnmatchedKeysAreWarnings() throws Exception {
    Bound<Sample> b =
        ConfigBinder.bind(
            Sample.class,
            "sample",
            "my-trigger",
            Map.of(
                "name", "x", "legacy", "1", "typo", "1", "passwordFromEnv", "P", "zFromEnv", "Z"),
            Map.of(),
            Map.of());
    assertThat(b.warnings())
        .extracting(ConfigWarning::kind, ConfigWarning::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                ConfigWarning.Kind.DEPRECATION_NOTICE, "scaler sample info: legacy will go away"),
            org.assertj.core.groups.Tuple.tuple(
                ConfigWarning.Kind.UNMATCHED_PARAM,
                "Unmatched input property typo in scaler sample (my-trigger)"),
            org.assertj.core.groups.Tuple.tuple(
                ConfigWarning.Kind.UNMATCHED_PARAM,
                "Unmatched input property zFromEnv in scaler sample (my-trigger)"));
  }

  @Test
  void secretsNeverPrinted() throws Exception {
    Sample s = bind(Map.of("name", "x", "password", "hunter2")).config();
    assertThat(s.password()).isEqualTo("hunter2");
    assertThat(s.toString()).doesNotContain("hunter2").contains("password=<redacted>");
  }

  record Secretive(
      @Param(
              name = "token",
              sensitive = true,
              enumValues = {"a"})
          String token,
      @Param(name = "pin", sensitive = true) int pin) {}

  @Test
  void secretsNeverInErrors() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                ConfigBinder.bind(
                    Secretive.class,
                    "s",
                    "",
                    Map.of("token", "s3cr3t-token", "pin", "s3cr3t-pin"),
                    Map.of(),
                    Map.of()));
    assertThat(e.errors()).hasSize(2);
    assertThat(e.getMessage()).doesNotContain("s3cr3t").contains("<redacted>");
  }

  record Broken(String noAnnotation) {}

  @Test
  void undeclaredComponentIsAProgrammingError() {
    assertThatThrownBy(() -> ConfigBinder.bind(Broken.class, "b", "", Map.of(), Map.of(), Map.of()))
        .isInstanceOf(IllegalStateException.class);
  }
}
