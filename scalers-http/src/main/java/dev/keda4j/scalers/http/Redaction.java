package dev.keda4j.scalers.http;

import dev.keda4j.scalers.config.ConfigStrings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * Removes secret values from text that came from elsewhere (client exception messages quote the
 * request URI, which may carry an API key in its query).
 */
public final class Redaction {
  private Redaction() {}

  /** {@code text} with every non-empty secret, raw or URL-encoded, replaced by the mask. */
  public static String redact(String text, Collection<String> secrets) {
    if (text == null) {
      return "";
    }
    String out = text;
    for (String s : secrets) {
      if (s == null || s.isEmpty()) {
        continue;
      }
      out = out.replace(s, ConfigStrings.MASK);
      out = out.replace(URLEncoder.encode(s, StandardCharsets.UTF_8), ConfigStrings.MASK);
    }
    return out;
  }
}
