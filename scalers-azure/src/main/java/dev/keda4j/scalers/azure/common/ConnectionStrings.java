package dev.keda4j.scalers.azure.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Azure connection strings ({@code Key=Value;...}) are secrets; these helpers keep them out. */
public final class ConnectionStrings {
  private static final String MASK = "<redacted>";

  private ConnectionStrings() {}

  /** The values that must never be shown: keys, signatures and the whole string. */
  public static List<String> secretsOf(String connectionString) {
    List<String> secrets = new ArrayList<>();
    if (connectionString == null || connectionString.isBlank()) {
      return secrets;
    }
    secrets.add(connectionString);
    secrets.add(connectionString.trim());
    for (String part : connectionString.split(";")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String name = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String value = part.substring(eq + 1).trim();
      if (!value.isEmpty() && (name.contains("key") || name.contains("signature"))) {
        secrets.add(value);
      }
    }
    return secrets;
  }

  /** {@code text} with every secret of {@code connectionString} replaced by a mask. */
  public static String redact(String text, String connectionString) {
    if (text == null) {
      return "";
    }
    String out = text;
    for (String secret : secretsOf(connectionString)) {
      if (secret.length() >= 4) {
        out = out.replace(secret, MASK);
      }
    }
    return out;
  }
}
