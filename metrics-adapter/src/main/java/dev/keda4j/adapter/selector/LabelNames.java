package dev.keda4j.adapter.selector;

import java.util.regex.Pattern;

/**
 * Validation of label keys and values ({@code validation.IsQualifiedName}, {@code
 * IsValidLabelValue}).
 */
final class LabelNames {
  private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern DNS1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final int NAME_MAX = 63;
  private static final int PREFIX_MAX = 253;

  private LabelNames() {}

  /** Null when {@code key} is a valid qualified name, else the reason. */
  static String keyProblem(String key) {
    String name = key;
    int slash = key.indexOf('/');
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      name = key.substring(slash + 1);
      if (prefix.isEmpty()) {
        return "prefix part must be non-empty";
      }
      if (prefix.length() > PREFIX_MAX || !DNS1123_SUBDOMAIN.matcher(prefix).matches()) {
        return "prefix part must be a lowercase RFC 1123 subdomain";
      }
    }
    if (name.isEmpty()) {
      return "name part must be non-empty";
    }
    if (name.length() > NAME_MAX) {
      return "name part must be no more than 63 characters";
    }
    if (!NAME.matcher(name).matches()) {
      return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start"
          + " and end with an alphanumeric character";
    }
    return null;
  }

  /** Null when {@code value} is a valid label value, else the reason. */
  static String valueProblem(String value) {
    if (value.isEmpty()) {
      return null;
    }
    if (value.length() > NAME_MAX) {
      return "must be no more than 63 characters";
    }
    if (!NAME.matcher(value).matches()) {
      return "a valid label must be an empty string or consist of alphanumeric characters, '-',"
          + " '_' or '.', and must start and end with an alphanumeric character";
    }
    return null;
  }
}
