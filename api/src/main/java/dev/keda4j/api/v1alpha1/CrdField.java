package dev.keda4j.api.v1alpha1;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * CRD schema validation of a model field (the keda4j counterpart of KEDA's kubebuilder markers).
 * Read by the CRD generator; unset members mean "no constraint".
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface CrdField {
  /** Sentinel for "no minimum/maximum". */
  long UNSET = Long.MIN_VALUE;

  boolean required() default false;

  long minimum() default UNSET;

  long maximum() default UNSET;

  int minLength() default -1;

  int minItems() default -1;

  String[] enumValues() default {};

  /** CRD default (strings only), empty for none. */
  String defaultValue() default "";

  String description() default "";
}
