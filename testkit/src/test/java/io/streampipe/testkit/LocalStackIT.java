package io.streampipe.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {
  private static LocalStack stack;

  @BeforeAll
  static void startStack() {
    stack = LocalStack.start();
  }

  @AfterAll
  static void stopStack() {
    stack.close();
  }

  @Test
  @Order(1)
  void kafkaDeliversAProducedRecord() throws Exception {
    String bootstrap = stack.kafka().bootstrapServers();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin.createTopics(List.of(new NewTopic("greetings", 2, (short) 1))).all().get();
    }
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(bootstrap))) {
      producer.send(new ProducerRecord<>("greetings", "k1", "hello")).get();
    }
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(bootstrap))) {
      consumer.subscribe(List.of("greetings"));
      ConsumerRecord<String, String> received = pollOne(consumer);
      assertThat(received.key()).isEqualTo("k1");
      assertThat(received.value()).isEqualTo("hello");
    }
  }

  @Test
  @Order(2)
  void cassandraStoresAndReturnsARow() {
    CassandraServer cassandra = stack.cassandra();
    try (CqlSession session =
        CqlSession.builder()
            .addContactPoint(cassandra.address())
            .withLocalDatacenter(cassandra.localDatacenter())
            .build()) {
      session.execute(
          "CREATE KEYSPACE testkit WITH replication = {'class': 'SimpleStrategy',"
              + " 'replication_factor': 1}");
      session.execute("CREATE TABLE testkit.events (id text PRIMARY KEY, amount int)");
      session.execute("INSERT INTO testkit.events (id, amount) VALUES ('e1', 42)");

      Row row = session.execute("SELECT amount FROM testkit.events WHERE id = 'e1'").one();
      assertThat(row).isNotNull();
      assertThat(row.getInt("amount")).isEqualTo(42);
    }
  }

  @Test
  @Order(3)
  void stopKillsTheForksFreesThePortsAndDeletesTheDirectories() throws Exception {
    List<ForkedServer> servers = List.of(stack.kafka(), stack.cassandra());
    List<Long> pids = servers.stream().map(ForkedServer::pid).toList();
    List<Path> directories = servers.stream().map(s -> s.logFile().getParent()).toList();
    List<Integer> ports = List.of(stack.kafka().port(), stack.cassandra().port());

    stack.close();

    for (long pid : pids) {
      assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    }
    assertThat(directories).allSatisfy(dir -> assertThat(dir).doesNotExist());
    for (int port : ports) {
      try (ServerSocket socket = new ServerSocket(port, 1, FreePorts.LOOPBACK)) {
        assertThat(socket.isBound()).isTrue();
      }
    }
  }

  private static ConsumerRecord<String, String> pollOne(KafkaConsumer<String, String> consumer) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
        return record;
      }
    }
    throw new AssertionError("no record within 30 s");
  }

  private static Properties producerConfig(String bootstrap) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return config;
  }

  private static Properties consumerConfig(String bootstrap) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "testkit-it");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    return config;
  }
}
