package dev.keda4j.testkit.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KafkaFixtureTest {
  @RegisterExtension static final KafkaFixture KAFKA = new KafkaFixture();

  @Test
  void producedMessagesAndCommittedOffsetsGiveLag() throws Exception {
    String topic = KAFKA.createTopic(3);
    KAFKA.produce(topic, 3, 9);
    TopicPartition p0 = new TopicPartition(topic, 0);
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest =
        KAFKA
            .admin()
            .listOffsets(
                Map.of(
                    p0,
                    OffsetSpec.latest(),
                    new TopicPartition(topic, 1),
                    OffsetSpec.latest(),
                    new TopicPartition(topic, 2),
                    OffsetSpec.latest()))
            .all()
            .get(30, TimeUnit.SECONDS);
    assertThat(latest.values()).allSatisfy(i -> assertThat(i.offset()).isEqualTo(3));

    String group = KAFKA.group();
    KAFKA.commitOffset(group, topic, 0, 1);
    Map<TopicPartition, OffsetAndMetadata> committed =
        KAFKA
            .admin()
            .listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata()
            .get(30, TimeUnit.SECONDS);
    assertThat(committed.get(p0).offset()).isEqualTo(1);
    assertThat(latest.get(p0).offset() - committed.get(p0).offset()).isEqualTo(2);
  }

  @Test
  void brokerIsSharedPerJvmAndTopicsAreDeletedOnClose() throws Exception {
    String topic;
    try (KafkaFixture own = new KafkaFixture()) {
      assertThat(own.bootstrapServers()).isEqualTo(KAFKA.bootstrapServers());
      topic = own.createTopic(1);
      own.produce(topic, 2);
    }
    assertThat(KAFKA.admin().listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain(topic);
  }

  @Test
  void aGroupThatNeverCommittedDoesNotLeaveTopicsBehind() throws Exception {
    String topic;
    try (KafkaFixture own = new KafkaFixture()) {
      topic = own.createTopic(1);
      own.group();
    }
    assertThat(KAFKA.admin().listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain(topic);
  }
}
