package dev.keda4j.scalers.http;

import java.util.Locale;

/** One entry of the shared {@code authModes} list (KEDA's {@code authentication.Type}). */
public enum AuthMode {
  API_KEY("apiKey"),
  BASIC("basic"),
  TLS("tls"),
  BEARER("bearer"),
  CUSTOM("custom"),
  OAUTH("oauth");

  private final String wireName;

  AuthMode(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in {@code authModes}. */
  public String wireName() {
    return wireName;
  }

  /** The mode named {@code name} (exact KEDA spelling). */
  public static AuthMode fromWireName(String name) {
    for (AuthMode m : values()) {
      if (m.wireName.equals(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown auth mode " + name.toLowerCase(Locale.ROOT));
  }
}
