package dev.keda4j.api.manifest;

import java.util.Iterator;
import java.util.Locale;

/** "Did you mean" hints for misspelled field names. */
final class Suggestions {
  private Suggestions() {}

  /** The closest candidate within edit distance 2 (or equal ignoring case), else null. */
  static String closest(String key, Iterator<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    while (candidates.hasNext()) {
      String c = candidates.next();
      int d =
          c.toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT)) ? 0 : distance(key, c);
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    int limit = key.length() <= 4 ? 1 : 2;
    return bestDistance <= limit ? best : null;
  }

  /** Damerau-Levenshtein (optimal string alignment) distance. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[a.length()][b.length()];
  }
}
