package dev.keda4j.scalers.config;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** String-to-type conversions with KEDA's (Go's) rules and messages. */
final class Conversions {
  private static final Pattern JSON_INT = Pattern.compile("-?(0|[1-9][0-9]*)");
  private static final Pattern JSON_NUMBER =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
  private static final Pattern DIGITS = Pattern.compile("-?[0-9]+");

  private Conversions() {}

  /** Conversion failure; the message is the cause KEDA would print. */
  static final class ConversionException extends Exception {
    private static final long serialVersionUID = 1L;

    ConversionException(String message) {
      super(message);
    }
  }

  static boolean isSupported(Type type) {
    if (type instanceof ParameterizedType pt) {
      Type raw = pt.getRawType();
      Type[] args = pt.getActualTypeArguments();
      if (raw == List.class) {
        return isScalar(args[0]);
      }
      return raw == Map.class && args[0] == String.class && args[1] == String.class;
    }
    return isScalar(type);
  }

  private static boolean isScalar(Type t) {
    return t == String.class
        || t == int.class
        || t == Integer.class
        || t == long.class
        || t == Long.class
        || t == double.class
        || t == Double.class
        || t == boolean.class
        || t == Boolean.class
        || t == Duration.class;
  }

  /** The value of an absent optional parameter without default. */
  static Object zero(Type type) {
    if (type == String.class) {
      return "";
    } else if (type == int.class) {
      return 0;
    } else if (type == long.class) {
      return 0L;
    } else if (type == double.class) {
      return 0.0;
    } else if (type == boolean.class) {
      return false;
    } else if (type instanceof ParameterizedType pt) {
      return pt.getRawType() == List.class ? List.of() : Map.of();
    }
    return null;
  }

  static Object convert(String value, Type type, String separator) throws ConversionException {
    if (type instanceof ParameterizedType pt) {
      if (pt.getRawType() == List.class) {
        List<Object> out = new ArrayList<>();
        String[] elements = value.split(Pattern.quote(separator), -1);
        for (int i = 0; i < elements.length; i++) {
          try {
            out.add(convertScalar(elements[i].trim(), pt.getActualTypeArguments()[0]));
          } catch (ConversionException e) {
            throw new ConversionException("slice element " + i + ": " + e.getMessage());
          }
        }
        return List.copyOf(out);
      }
      return toMap(value, separator);
    }
    return convertScalar(value, type);
  }

  private static Map<String, String> toMap(String value, String separator)
      throws ConversionException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String e : value.split(Pattern.quote(separator), -1)) {
      String[] kv = e.trim().split("=", -1);
      if (kv.length != 2) {
        throw new ConversionException("expected format key=value, got \"" + e.trim() + "\"");
      }
      out.put(kv[0].trim(), kv[1].trim());
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  private static Object convertScalar(String v, Type t) throws ConversionException {
    if (t == String.class) {
      return v;
    } else if (t == int.class || t == Integer.class) {
      long l = jsonInteger(v, "int");
      if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
        throw new ConversionException(cannotUnmarshal(v, "int"));
      }
      return (int) l;
    } else if (t == long.class || t == Long.class) {
      return jsonInteger(v, "int64");
    } else if (t == double.class || t == Double.class) {
      checkJsonNumber(v);
      double d = Double.parseDouble(v);
      if (Double.isInfinite(d)) {
        throw new ConversionException(cannotUnmarshal(v, "float64"));
      }
      return d;
    } else if (t == boolean.class || t == Boolean.class) {
      return parseBool(v);
    } else if (t == Duration.class) {
      return duration(v);
    }
    throw new IllegalStateException("unsupported parameter type " + t);
  }

  private static long jsonInteger(String v, String goType) throws ConversionException {
    checkJsonNumber(v);
    if (!JSON_INT.matcher(v).matches()) {
      throw new ConversionException(cannotUnmarshal(v, goType));
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new ConversionException(cannotUnmarshal(v, goType));
    }
  }

  private static String cannotUnmarshal(String v, String goType) {
    return "json: cannot unmarshal number " + v + " into Go value of type " + goType;
  }

  private static void checkJsonNumber(String v) throws ConversionException {
    if (JSON_NUMBER.matcher(v).matches()) {
      return;
    }
    // find the longest valid prefix to report the offending character like encoding/json
    int end = v.length();
    while (end > 0 && !JSON_NUMBER.matcher(v.substring(0, end)).matches()) {
      end--;
    }
    if (end == 0) {
      throw new ConversionException(
          "invalid character " + quoteChar(v.charAt(0)) + " looking for beginning of value");
    }
    if (end >= v.length()) {
      throw new ConversionException("unexpected end of JSON input");
    }
    throw new ConversionException(
        "invalid character " + quoteChar(v.charAt(end)) + " after top-level value");
  }

  private static String quoteChar(char c) {
    return "'" + c + "'";
  }

  /** Go's {@code strconv.ParseBool}. */
  static boolean parseBool(String v) throws ConversionException {
    switch (v) {
      case "1", "t", "T", "TRUE", "true", "True":
        return true;
      case "0", "f", "F", "FALSE", "false", "False":
        return false;
      default:
        throw new ConversionException("strconv.ParseBool: parsing \"" + v + "\": invalid syntax");
    }
  }

  private static Duration duration(String v) throws ConversionException {
    Duration d;
    if (DIGITS.matcher(v).matches()) {
      try {
        d = Duration.ofMillis(Long.parseLong(v));
      } catch (NumberFormatException e) {
        throw new ConversionException("invalid duration \"" + v + "\": out of range");
      }
    } else {
      try {
        d = GoDuration.parse(v);
      } catch (IllegalArgumentException e) {
        throw new ConversionException(e.getMessage());
      }
    }
    if (d.isNegative()) {
      throw new ConversionException("duration cannot be negative");
    }
    return d;
  }
}
