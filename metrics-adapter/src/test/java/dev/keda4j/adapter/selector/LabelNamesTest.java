package dev.keda4j.adapter.selector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The character loops accept exactly what Kubernetes' regular expressions accept. */
class LabelNamesTest {
  private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern DNS1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "",
        "a",
        "A",
        "0",
        "-",
        "_",
        ".",
        "a-",
        "-a",
        "a.b",
        "a..b",
        "a_b",
        "a-b-c",
        "ab",
        "a b",
        "scaledobject.keda.sh",
        "keda.sh.",
        ".keda.sh",
        "Keda.sh",
        "ke-da.sh",
        "ke--da.s-h",
        "a.-b",
        "a-.b",
        "so-1",
        "so_1",
        "ü",
        "a/b",
        "1.2.3",
        "x.y_z",
        "a.",
        "name_"
      })
  void sameAnswersAsTheRegularExpressions(String s) {
    assertThat(LabelNames.isQualifiedNamePart(s)).isEqualTo(NAME.matcher(s).matches());
    assertThat(LabelNames.isDns1123Subdomain(s)).isEqualTo(DNS1123_SUBDOMAIN.matcher(s).matches());
  }
}
