package dev.keda4j.scalers.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares how a config record component is bound (KEDA's {@code keda:"..."} struct tag).
 *
 * <p>Supported component types: {@code String}, {@code int/Integer}, {@code long/Long}, {@code
 * double/Double}, {@code boolean/Boolean}, {@code Duration}, {@code List<String|Integer|Long|
 * Double>}, {@code Map<String,String>}. Boxed types are null when absent and without default;
 * primitives, strings, lists and maps get their zero value. A record component without
 * {@code @Param} whose type is itself a record is bound recursively (shared blocks such as TLS).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER})
public @interface Param {
  /** Name and aliases separated by {@code ;}, e.g. {@code "address;addresses"}. */
  String name();

  /** Sources tried, in order. */
  Source[] order() default {Source.TRIGGER_METADATA};

  boolean optional() default false;

  /** Default as a string (converted like an input value); "" means none. */
  String defaultValue() default "";

  /** Allowed values; each comma-separated element of the value must be one of them. */
  String[] enumValues() default {};

  /** If set and the parameter is present: error {@code scaler <type> info: <msg>}. */
  String deprecated() default "";

  /** If set and the parameter is present: a warning (Normal event) with this message. */
  String deprecatedAnnounce() default "";

  /** Separator for list and map values. */
  String separator() default ",";

  /** A secret: never printed in errors, warnings or {@code toString()}. */
  boolean sensitive() default false;
}
