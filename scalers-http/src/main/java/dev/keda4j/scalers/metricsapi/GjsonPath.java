package dev.keda4j.scalers.metricsapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The subset of GJSON paths metrics-api users write: dot-separated keys ({@code \.} escapes a dot),
 * array indexes ({@code components.0.tasks}), {@code #} for an array's length, and {@code *} /
 * {@code ?} wildcards in keys (first match).
 */
final class GjsonPath {
  private GjsonPath() {}

  /** The node at {@code path}, or a missing node. */
  static JsonNode get(JsonNode root, String path) {
    JsonNode current = root;
    for (String key : split(path)) {
      current = step(current, key);
      if (current.isMissingNode()) {
        return current;
      }
    }
    return current;
  }

  private static JsonNode step(JsonNode node, String key) {
    if (node.isObject()) {
      if (!hasWildcard(key)) {
        return node.path(key);
      }
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (wildcardMatch(key, e.getKey())) {
          return e.getValue();
        }
      }
      return MissingNode.getInstance();
    }
    if (node.isArray()) {
      if (key.equals("#")) {
        return IntNode.valueOf(node.size());
      }
      if (key.chars().allMatch(Character::isDigit) && !key.isEmpty()) {
        return node.path(Integer.parseInt(key));
      }
    }
    return MissingNode.getInstance();
  }

  static List<String> split(String path) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int i = 0;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '\\' && i + 1 < path.length()) {
        cur.append(path.charAt(i + 1));
        i += 2;
        continue;
      }
      if (c == '.') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
      i++;
    }
    out.add(cur.toString());
    return out;
  }

  private static boolean hasWildcard(String key) {
    return key.indexOf('*') >= 0 || key.indexOf('?') >= 0;
  }

  static boolean wildcardMatch(String pattern, String s) {
    return match(pattern, 0, s, 0);
  }

  private static boolean match(String p, int pi, String s, int si) {
    if (pi == p.length()) {
      return si == s.length();
    }
    char c = p.charAt(pi);
    if (c == '*') {
      for (int k = si; k <= s.length(); k++) {
        if (match(p, pi + 1, s, k)) {
          return true;
        }
      }
      return false;
    }
    if (si == s.length()) {
      return false;
    }
    return (c == '?' || c == s.charAt(si)) && match(p, pi + 1, s, si + 1);
  }
}
