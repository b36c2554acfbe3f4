package dev.keda4j.adapter.selector;

/**
 * Validation of label keys and values ({@code validation.IsQualifiedName}, {@code
 * IsValidLabelValue}).
 */
final class LabelNames {
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
      if (prefix.length() > PREFIX_MAX || !isDns1123Subdomain(prefix)) {
        return "prefix part must be a lowercase RFC 1123 subdomain";
      }
    }
    if (name.isEmpty()) {
      return "name part must be non-empty";
    }
    if (name.length() > NAME_MAX) {
      return "name part must be no more than 63 characters";
    }
    if (!isQualifiedNamePart(name)) {
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
    if (!isQualifiedNamePart(value)) {
      return "a valid label must be an empty string or consist of alphanumeric characters, '-',"
          + " '_' or '.', and must start and end with an alphanumeric character";
    }
    return null;
  }

  // character loops instead of the Go regular expressions: every metric read validates its
  // selector, and the regex engine was a visible share of a read's cost

  /** {@code ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]}. */
  static boolean isQualifiedNamePart(String s) {
    int n = s.length();
    if (n == 0 || !isAlnum(s.charAt(0)) || !isAlnum(s.charAt(n - 1))) {
      return false;
    }
    for (int i = 1; i < n - 1; i++) {
      char c = s.charAt(i);
      if (!isAlnum(c) && c != '-' && c != '_' && c != '.') {
        return false;
      }
    }
    return true;
  }

  /** {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*}. */
  static boolean isDns1123Subdomain(String s) {
    int start = 0;
    while (true) {
      int dot = s.indexOf('.', start);
      int end = dot < 0 ? s.length() : dot;
      if (!isDns1123Label(s, start, end)) {
        return false;
      }
      if (dot < 0) {
        return true;
      }
      start = dot + 1;
    }
  }

  private static boolean isDns1123Label(String s, int from, int to) {
    if (to <= from || !isLowerAlnum(s.charAt(from)) || !isLowerAlnum(s.charAt(to - 1))) {
      return false;
    }
    for (int i = from + 1; i < to - 1; i++) {
      char c = s.charAt(i);
      if (!isLowerAlnum(c) && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static boolean isLowerAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }
}
