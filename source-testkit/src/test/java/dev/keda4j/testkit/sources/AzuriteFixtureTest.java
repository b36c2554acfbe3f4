package dev.keda4j.testkit.sources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AzuriteFixtureTest {
  @RegisterExtension static final AzuriteFixture AZURITE = new AzuriteFixture();

  @Test
  void putMessagesAreCountedAndPeeked() {
    String q = AZURITE.createQueue();
    assertThat(AZURITE.approximateMessageCount(q)).isZero();
    AZURITE.putMessages(q, 4);
    assertThat(AZURITE.approximateMessageCount(q)).isEqualTo(4);
    assertThat(AZURITE.peekCount(q)).isEqualTo(4);
    assertThat(AZURITE.connectionString())
        .contains("AccountName=devstoreaccount1")
        .contains("QueueEndpoint=" + AZURITE.queueEndpoint() + ";");
  }
}
