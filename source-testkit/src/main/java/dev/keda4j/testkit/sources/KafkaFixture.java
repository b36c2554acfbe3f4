package dev.keda4j.testkit.sources;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * Kafka: by default one real KRaft broker (combined mode, 1 node) inside the test JVM, started
 * lazily on first use and shared by every fixture in the JVM (stopped at JVM exit); set {@code
 * KEDA4J_KAFKA_BOOTSTRAP} to use an external broker. Each fixture instance creates unique topics
 * and consumer groups and deletes them after the class.
 */
public final class KafkaFixture extends AbstractFixture {
  public static final String ENV = "KEDA4J_KAFKA_BOOTSTRAP";
  private static final Duration OP = Duration.ofSeconds(30);

  private String bootstrap;
  private Admin admin;
  private final List<String> topics = new ArrayList<>();
  private final List<String> groups = new ArrayList<>();

  private static String embeddedBootstrap;
  private static SourceUnavailableException embeddedFailure;

  /** The JVM-wide embedded broker's bootstrap servers, starting it on first use. */
  private static synchronized String embedded() {
    if (embeddedBootstrap == null && embeddedFailure == null) {
      try {
        embeddedBootstrap = startEmbedded();
      } catch (SourceUnavailableException e) {
        embeddedFailure = e;
      }
    }
    if (embeddedFailure != null) {
      throw embeddedFailure;
    }
    return embeddedBootstrap;
  }

  private static String startEmbedded() {
    Path dir = Sources.tempDir("k4j-kafka-");
    try {
      KafkaClusterTestKit kit =
          new KafkaClusterTestKit.Builder(
                  new TestKitNodes.Builder()
                      .setCombined(true)
                      .setNumBrokerNodes(1)
                      .setNumControllerNodes(1)
                      .setBaseDirectory(dir)
                      .build())
              .setConfigProp("offsets.topic.replication.factor", "1")
              .setConfigProp("transaction.state.log.replication.factor", "1")
              .setConfigProp("transaction.state.log.min.isr", "1")
              .setConfigProp("group.initial.rebalance.delay.ms", "0")
              .setConfigProp("auto.create.topics.enable", "false")
              .build();
      kit.format();
      kit.startup();
      kit.waitForReadyBrokers();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      kit.close();
                    } catch (Exception e) {
                      // the JVM is exiting
                    }
                    Sources.deleteRecursively(dir);
                  },
                  "k4j-kafka-stop"));
      return kit.bootstrapServers();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (Exception e) {
      throw SourceUnavailableException.of(
          "Kafka (embedded KafkaClusterTestKit)",
          "in-JVM",
          ENV,
          "nothing: it starts in the test JVM; check the test classpath has kafka_2.13 and"
              + " kafka-test-common-runtime",
          e);
    }
  }

  @Override
  protected void doStart() {
    bootstrap = Sources.envSet(ENV) ? Sources.env(ENV, "") : embedded();
    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    try {
      admin.describeCluster().nodes().get(15, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      admin.close(Duration.ZERO);
      throw SourceUnavailableException.of(
          "Kafka", bootstrap, ENV, "unset " + ENV + " to use the embedded broker", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    onClose(this::deleteCreated);
  }

  private synchronized void deleteCreated() throws Exception {
    // topics first: a group that never committed makes deleteConsumerGroups fail
    // (GroupIdNotFound), and that must not leave the topics behind on a shared broker
    try {
      if (!topics.isEmpty()) {
        admin.deleteTopics(topics).all().get(OP.toSeconds(), TimeUnit.SECONDS);
      }
    } finally {
      topics.clear();
    }
    for (String group : groups) {
      try {
        admin.deleteConsumerGroups(List.of(group)).all().get(OP.toSeconds(), TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof GroupIdNotFoundException)) {
          throw e;
        }
      }
    }
    groups.clear();
  }

  @Override
  protected void doClose() {
    admin.close(Duration.ofSeconds(5));
  }

  /** host:port list for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    requireStarted();
    return bootstrap;
  }

  /** The fixture's admin client (closed by the fixture). */
  public Admin admin() {
    requireStarted();
    return admin;
  }

  /** Creates a unique topic with {@code partitions} partitions (replication 1). */
  public String createTopic(int partitions) {
    requireStarted();
    String name = Sources.uniqueName();
    get(admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all());
    synchronized (this) {
      topics.add(name);
    }
    return name;
  }

  /** A unique consumer group name, deleted after the class. */
  public synchronized String group() {
    String g = Sources.uniqueName();
    groups.add(g);
    return g;
  }

  /** Produces {@code n} messages spread round-robin over the topic's first {@code partitions}. */
  public void produce(String topic, int partitions, int n) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < n; i++) {
        producer.send(new ProducerRecord<>(topic, i % partitions, "k" + i, "v" + i));
      }
      producer.flush();
    }
  }

  /** Produces {@code n} messages to partition 0. */
  public void produce(String topic, int n) {
    produce(topic, 1, n);
  }

  /** Commits {@code offset} for {@code group} on {@code topic}/{@code partition}. */
  public void commitOffset(String group, String topic, int partition, long offset) {
    requireStarted();
    synchronized (this) {
      if (!groups.contains(group)) {
        groups.add(group);
      }
    }
    get(
        admin
            .alterConsumerGroupOffsets(
                group, Map.of(new TopicPartition(topic, partition), new OffsetAndMetadata(offset)))
            .all());
  }

  private static <T> T get(org.apache.kafka.common.KafkaFuture<T> f) {
    try {
      return f.get(OP.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
