package dev.keda4j.scalers.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Vhost resolution ("Test cases worth having" 13), URL building, escaping and redaction. */
class RabbitMqUrlsTest {

  @ParameterizedTest(name = "path \"{0}\" vhostName \"{1}\" -> {2} {3}")
  @CsvSource(
      value = {
        "sub1/sub2/myVhost | '' | /myVhost | /sub1/sub2",
        "/sub1/sub2/myVhost | '' | /myVhost | /sub1/sub2",
        "/ | '' | /%2F | ''",
        "// | '' | /%2F | ''",
        "/%2F | '' | /%2F | ''",
        "'' | '' | /%2F | ''",
        "/myVhost | '' | /myVhost | ''",
        "myVhost | overridenVhost | /overridenVhost | ''",
        "/prefix/myVhost | my vhost/x | /my+vhost%2Fx | /prefix",
        "/ | / | /%2F | ''"
      },
      delimiter = '|')
  void vhostAndPrefix(String rawPath, String vhostName, String vhostPath, String prefix) {
    RabbitMqUrls.VhostPath v = RabbitMqUrls.resolveVhost(rawPath, vhostName);
    assertThat(v.vhostPath()).isEqualTo(vhostPath);
    assertThat(v.prefixPath()).isEqualTo(prefix);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      value = {
        "plain | plain",
        "namespace/name | namespace%2Fname",
        "a b | a+b",
        "a*b~c-d_e.f | a%2Ab~c-d_e.f",
        "q.?#& | q.%3F%23%26",
        "ü | %C3%BC"
      },
      delimiter = '|')
  void goQueryEscape(String in, String out) {
    assertThat(RabbitMqUrls.queryEscape(in)).isEqualTo(out);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      value = {
        "http://u:p@h:15672/api/queues/%2F/q | http://user:password@h:15672/api/queues/%2F/q",
        "http://h:15672/api/queues/%2F/q | http://h:15672/api/queues/%2F/q",
        "https://u:p@ss@h/x?a=b@c | https://user:password@h/x?a=b@c",
        "amqp://u:p@h | amqp://user:password@h",
        "no-scheme@host | no-scheme@host"
      },
      delimiter = '|')
  void redactsUserInfo(String in, String out) {
    assertThat(RabbitMqUrls.redact(in)).isEqualTo(out);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      value = {
        "single | false | http://h:1/api/queues/%2F/a%2Fb",
        "regex | true | http://h:1/api/queues/%2F?page=1&use_regex=true&pagination=false"
            + "&name=%5Ea.%2A%24&page_size=50"
      },
      delimiter = '|')
  void managementUrls(String name, boolean regex, String expected) {
    RabbitMqUrls.VhostPath root = RabbitMqUrls.resolveVhost("/", "");
    String url =
        regex
            ? RabbitMqUrls.regexUrl("http://h:1", root, "^a.*$", 50)
            : RabbitMqUrls.queueUrl("http://h:1", root, "a/b");
    assertThat(url).isEqualTo(expected);
  }
}
