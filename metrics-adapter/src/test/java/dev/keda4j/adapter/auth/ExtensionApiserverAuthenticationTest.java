package dev.keda4j.adapter.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keda4j.adapter.testing.TestPki;
import dev.keda4j.adapter.tls.Pem;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtensionApiserverAuthenticationTest {
  private static final TestPki FRONT = new TestPki("front-proxy-ca");
  private static final TestPki CLIENT = new TestPki("client-ca");

  @Test
  void parsesWhatKubeApiserverPublishes() {
    ExtensionApiserverAuthentication a =
        ExtensionApiserverAuthentication.parse(
            Map.of(
                "client-ca-file", Pem.encode(CLIENT.ca()),
                "requestheader-client-ca-file", Pem.encode(FRONT.ca()),
                "requestheader-allowed-names", "[\"front-proxy-client\"]",
                "requestheader-username-headers", "[\"X-Remote-User\"]",
                "requestheader-group-headers", "[\"X-Remote-Group\"]",
                "requestheader-extra-headers-prefix", "[\"X-Remote-Extra-\"]"));
    assertThat(a.clientCa()).containsExactly(CLIENT.ca());
    RequestHeaderConfig rh = a.requestHeader();
    assertThat(rh.clientCa()).containsExactly(FRONT.ca());
    assertThat(rh.allowedNames()).containsExactly("front-proxy-client");
    assertThat(rh.usernameHeaders()).containsExactly("X-Remote-User");
    assertThat(rh.uidHeaders()).isEmpty();
    assertThat(rh.groupHeaders()).containsExactly("X-Remote-Group");
    assertThat(rh.extraHeaderPrefixes()).containsExactly("X-Remote-Extra-");
  }

  @Test
  void withoutRequestHeaderCaThereIsNoFrontProxy() {
    ExtensionApiserverAuthentication a =
        ExtensionApiserverAuthentication.parse(Map.of("client-ca-file", Pem.encode(CLIENT.ca())));
    assertThat(a.requestHeader()).isNull();
    assertThat(a.clientCa()).hasSize(1);
  }

  @Test
  void badValuesNameTheirKey() {
    assertThatThrownBy(
            () ->
                ExtensionApiserverAuthentication.parse(
                    Map.of(
                        "requestheader-client-ca-file",
                        Pem.encode(FRONT.ca()),
                        "requestheader-allowed-names",
                        "front-proxy-client")))
        .hasMessageStartingWith("requestheader-allowed-names: ");
    assertThatThrownBy(
            () -> ExtensionApiserverAuthentication.parse(Map.of("client-ca-file", "garbage")))
        .hasMessageStartingWith("client-ca-file: ");
  }
}
