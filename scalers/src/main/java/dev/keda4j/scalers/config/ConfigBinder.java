package dev.keda4j.scalers.config;

import dev.keda4j.scalers.spi.ScalerContext;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Binds a config record from trigger metadata, resolved env and auth params following KEDA's {@code
 * TypedConfig} rules (scalers.md §2.2), reporting every problem at once and never printing a
 * sensitive value.
 */
public final class ConfigBinder {
  private static final String FROM_ENV = "FromEnv";

  private final String triggerType;
  private final String triggerName;
  private final Map<String, String> metadata;
  private final Map<String, String> env;
  private final Map<String, String> auth;
  private final List<ConfigError> errors = new ArrayList<>();
  private final List<ConfigWarning> warnings = new ArrayList<>();
  private final Set<String> declared = new HashSet<>();

  private ConfigBinder(
      String triggerType,
      String triggerName,
      Map<String, String> metadata,
      Map<String, String> env,
      Map<String, String> auth) {
    this.triggerType = triggerType;
    this.triggerName = triggerName == null ? "" : triggerName;
    this.metadata = metadata == null ? Map.of() : metadata;
    this.env = env == null ? Map.of() : env;
    this.auth = auth == null ? Map.of() : auth;
  }

  /** Binds {@code type} from the trigger in {@code ctx}. */
  public static <C extends Record> Bound<C> bind(Class<C> type, ScalerContext ctx)
      throws ConfigException {
    return bind(
        type,
        ctx.triggerType(),
        ctx.triggerName(),
        ctx.metadata(),
        ctx.resolvedEnv(),
        ctx.authParams());
  }

  /**
   * Binds {@code type} from the three sources.
   *
   * @throws ConfigException with every problem found
   */
  public static <C extends Record> Bound<C> bind(
      Class<C> type,
      String triggerType,
      String triggerName,
      Map<String, String> metadata,
      Map<String, String> resolvedEnv,
      Map<String, String> authParams)
      throws ConfigException {
    ConfigBinder b = new ConfigBinder(triggerType, triggerName, metadata, resolvedEnv, authParams);
    C config = b.bindRecord(type);
    if (!b.errors.isEmpty()) {
      throw new ConfigException(triggerType, b.errors);
    }
    b.collectUnmatched();
    return new Bound<>(config, b.warnings);
  }

  private <R extends Record> R bindRecord(Class<R> type) {
    RecordComponent[] comps = type.getRecordComponents();
    Object[] args = new Object[comps.length];
    int errorsBefore = errors.size();
    for (int i = 0; i < comps.length; i++) {
      RecordComponent c = comps[i];
      Param p = c.getAnnotation(Param.class);
      if (p != null) {
        args[i] = bindParam(c, p);
      } else if (c.getType().isRecord()) {
        args[i] = bindRecord(c.getType().asSubclass(Record.class));
      } else {
        throw new IllegalStateException(
            type.getName() + "." + c.getName() + " has neither @Param nor a record type");
      }
    }
    if (errors.size() > errorsBefore) {
      return null;
    }
    R r = construct(type, comps, args);
    if (r instanceof ValidatedConfig v) {
      errors.addAll(v.validate());
    }
    return r;
  }

  private <R extends Record> R construct(Class<R> type, RecordComponent[] comps, Object[] args) {
    Class<?>[] types = Arrays.stream(comps).map(RecordComponent::getType).toArray(Class<?>[]::new);
    try {
      Constructor<R> ctor = type.getDeclaredConstructor(types);
      ctor.setAccessible(true);
      return ctor.newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof IllegalArgumentException iae) {
        errors.add(new ConfigError("", iae.getMessage()));
        return null;
      }
      throw new IllegalStateException("cannot construct " + type.getName(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot construct " + type.getName(), e);
    }
  }

  private Object bindParam(RecordComponent c, Param p) {
    if (!Conversions.isSupported(c.getGenericType())) {
      throw new IllegalStateException(
          "unsupported type " + c.getGenericType() + " for parameter " + p.name());
    }
    List<String> names =
        Arrays.stream(p.name().split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    declared.addAll(names);
    String name = names.get(0);
    String value = lookup(names, p.order());
    if (value != null && !p.deprecated().isEmpty()) {
      errors.add(new ConfigError(name, "scaler " + triggerType + " info: " + p.deprecated()));
      return null;
    }
    if (value != null && !p.deprecatedAnnounce().isEmpty()) {
      warnings.add(
          new ConfigWarning(
              ConfigWarning.Kind.DEPRECATION_NOTICE,
              name,
              "scaler " + triggerType + " info: " + p.deprecatedAnnounce()));
    }
    if (value == null) {
      if (!p.defaultValue().isEmpty()) {
        value = p.defaultValue();
      } else if (p.optional()) {
        return Conversions.zero(c.getGenericType());
      } else {
        String orders =
            Arrays.stream(p.order()).map(Source::kedaName).collect(Collectors.joining(" "));
        errors.add(
            new ConfigError(
                name,
                "missing required parameter \""
                    + String.join(",", names)
                    + "\" in ["
                    + orders
                    + "]"));
        return null;
      }
    }
    String shown = p.sensitive() ? ConfigStrings.MASK : value;
    if (p.enumValues().length > 0) {
      List<String> allowed = List.of(p.enumValues());
      for (String e : value.split(",", -1)) {
        if (!allowed.contains(e.trim())) {
          errors.add(
              new ConfigError(
                  name,
                  "parameter \""
                      + name
                      + "\" value \""
                      + shown
                      + "\" must be one of ["
                      + String.join(" ", allowed)
                      + "]"));
          return null;
        }
      }
    }
    try {
      return Conversions.convert(value, c.getGenericType(), p.separator());
    } catch (Conversions.ConversionException e) {
      String cause = p.sensitive() ? "invalid value" : e.getMessage();
      errors.add(
          new ConfigError(
              name, "unable to set param \"" + name + "\" value \"" + shown + "\": " + cause));
      return null;
    }
  }

  /** First non-blank value, trimmed: for each source in order, for each alias. */
  private String lookup(List<String> names, Source[] order) {
    for (Source s : order) {
      for (String n : names) {
        String v =
            switch (s) {
              case TRIGGER_METADATA -> metadata.get(n);
              case RESOLVED_ENV -> {
                String envName = metadata.get(n + FROM_ENV);
                yield envName == null ? null : env.get(envName.trim());
              }
              case AUTH_PARAMS -> auth.get(n);
            };
        if (v != null && !v.trim().isEmpty()) {
          return v.trim();
        }
      }
    }
    return null;
  }

  private void collectUnmatched() {
    for (String key : new TreeSet<>(metadata.keySet())) {
      boolean known =
          declared.contains(key)
              || (key.endsWith(FROM_ENV)
                  && declared.contains(key.substring(0, key.length() - FROM_ENV.length())));
      if (!known) {
        String suffix = triggerName.isEmpty() ? "" : " (" + triggerName + ")";
        warnings.add(
            new ConfigWarning(
                ConfigWarning.Kind.UNMATCHED_PARAM,
                key,
                "Unmatched input property " + key + " in scaler " + triggerType + suffix));
      }
    }
  }
}
