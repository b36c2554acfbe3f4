package dev.keda4j.scalers.azure.servicebus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The endpoint override: property first, then environment; blank means none. */
class ManagementEndpointOverrideTest {
  @Test
  void propertyWinsOverEnvironment() {
    assertThat(ManagementEndpointOverride.parse("https://127.0.0.1:5300", "http://other:1"))
        .contains(URI.create("https://127.0.0.1:5300"));
    assertThat(ManagementEndpointOverride.parse(" ", "http://other:1"))
        .contains(URI.create("http://other:1"));
  }

  @Test
  void blankMeansNoOverride() {
    assertThat(ManagementEndpointOverride.parse(null, null)).isEmpty();
    assertThat(ManagementEndpointOverride.parse("", " ")).isEmpty();
  }

  @Test
  void aRelativeUrlIsRejected() {
    assertThatThrownBy(() -> ManagementEndpointOverride.parse("127.0.0.1:5300", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(ManagementEndpointOverride.PROPERTY);
  }
}
