package dev.keda4j.controller.scaling.resolve;

import java.util.Map;

/**
 * Kubernetes' {@code $(VAR)} expansion ({@code
 * k8s.io/kubernetes/third_party/forked/golang/expansion}): {@code $(NAME)} is replaced by the value
 * of an already defined variable, an undefined reference stays verbatim, {@code $$} is an escaped
 * {@code $}, any other {@code $} is kept.
 */
public final class EnvExpansion {
  private EnvExpansion() {}

  /** Expands {@code input} against {@code vars}. */
  public static String expand(String input, Map<String, String> vars) {
    StringBuilder buf = new StringBuilder(input.length());
    int checkpoint = 0;
    int cursor = 0;
    while (cursor < input.length()) {
      if (input.charAt(cursor) == '$' && cursor + 1 < input.length()) {
        buf.append(input, checkpoint, cursor);
        char next = input.charAt(cursor + 1);
        int advance = 1;
        if (next == '$') {
          buf.append('$');
        } else if (next == '(') {
          int close = input.indexOf(')', cursor + 2);
          if (close < 0) {
            buf.append("$(");
          } else {
            String name = input.substring(cursor + 2, close);
            String value = vars.get(name);
            buf.append(value != null ? value : "$(" + name + ")");
            advance = close - cursor;
          }
        } else {
          buf.append('$').append(next);
        }
        cursor += advance;
        checkpoint = cursor + 1;
      }
      cursor++;
    }
    buf.append(input, Math.min(checkpoint, input.length()), input.length());
    return buf.toString();
  }
}
