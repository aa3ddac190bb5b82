package io.streampipe.reliability;

import io.streampipe.job.Events;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Users events at a steady rate, in a thread of its own, with the ledger of what was sent: the
 * latest name of every id (new ids, updates of earlier ones) and the bad records. Keyed by id, so
 * an id's updates keep their order in one partition and the last one must win.
 */
final class SteadyProducer implements AutoCloseable {
  /** Events a second: {@code -Dreliability.rate}, 100 by default. */
  static final int RATE = Integer.getInteger("reliability.rate", 100);

  /** The run's seed: {@code -Dreliability.seed} replays a run; each scenario prints it. */
  static final long SEED = Long.getLong("reliability.seed", System.nanoTime());

  private final String topic;
  private final int perSecond;
  private final Random random;
  private final KafkaProducer<byte[], byte[]> producer;
  private final Map<UUID, String> latest = new ConcurrentHashMap<>();
  private final List<UUID> ids = new ArrayList<>();
  private final AtomicLong produced = new AtomicLong();
  private final AtomicLong bad = new AtomicLong();
  private final AtomicInteger burst = new AtomicInteger();
  private final Map<Integer, NavigableMap<Long, UUID>> validAt = new ConcurrentHashMap<>();
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private final Thread thread;
  private volatile boolean running = true;

  /** At {@link #RATE} with {@link #SEED}, to the shared broker. */
  static SteadyProducer onTopic(String topic) {
    return new SteadyProducer(io.streampipe.job.ItStack.bootstrap(), topic, RATE, SEED);
  }

  SteadyProducer(String bootstrap, String topic, int perSecond, long seed) {
    this.topic = topic;
    this.perSecond = perSecond;
    this.random = new Random(seed);
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                1),
            new ByteArraySerializer(),
            new ByteArraySerializer());
    this.thread = new Thread(this::run, "steady-producer");
    thread.start();
  }

  private void run() {
    long interval = 1_000_000_000L / perSecond;
    long next = System.nanoTime();
    while (running) {
      sendOne(true);
      for (int extra = burst.getAndSet(0); extra > 0; extra--) {
        // New ids only: a burst sends many events a millisecond, and two updates of one id in one
        // millisecond split by a batch boundary are the documented limit of "latest wins" (DESIGN).
        sendOne(false);
      }
      next += interval;
      long wait = next - System.nanoTime();
      if (wait > 0) {
        try {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private void sendOne(boolean updates) {
    long n = produced.get();
    int dice = random.nextInt(100);
    String key;
    String value;
    UUID valid = null;
    if (dice < 5) {
      key = "bad-" + n;
      value = "{\"broken\": " + n;
      bad.incrementAndGet();
    } else {
      UUID id =
          updates && dice < 25 && !ids.isEmpty() ? ids.get(random.nextInt(ids.size())) : newId();
      String name = "N" + n;
      key = id.toString();
      value = Events.valid(id, name);
      latest.put(id, name);
      valid = id;
    }
    UUID finalValid = valid;
    producer.send(
        new org.apache.kafka.clients.producer.ProducerRecord<>(
            topic, key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8)),
        (metadata, error) -> {
          if (error != null) {
            failure.compareAndSet(null, error);
          } else if (finalValid != null) {
            validAt
                .computeIfAbsent(metadata.partition(), p -> new ConcurrentSkipListMap<>())
                .put(metadata.offset(), finalValid);
          }
        });
    produced.incrementAndGet();
  }

  private UUID newId() {
    UUID id = new UUID(random.nextLong(), random.nextLong());
    ids.add(id);
    return id;
  }

  /** Sends {@code events} more at once, beside the steady rate. */
  void burst(int events) {
    burst.addAndGet(events);
  }

  /** The ids of the valid events acknowledged below these end offsets (by partition). */
  Set<UUID> validBelow(Map<Integer, Long> ends) {
    Set<UUID> ids = new java.util.HashSet<>();
    ends.forEach(
        (partition, end) -> {
          NavigableMap<Long, UUID> sent = validAt.get(partition);
          if (sent != null) {
            ids.addAll(sent.headMap(end, false).values());
          }
        });
    return ids;
  }

  long produced() {
    return produced.get();
  }

  long bad() {
    return bad.get();
  }

  /** The latest name of every id sent; complete once closed. */
  Map<UUID, String> latest() {
    return Map.copyOf(latest);
  }

  /** Stops producing and waits until every record sent is acknowledged; fails if any was not. */
  @Override
  public void close() throws Exception {
    if (!running) {
      return;
    }
    running = false;
    thread.interrupt();
    thread.join();
    producer.flush();
    producer.close();
    if (failure.get() != null) {
      throw new IllegalStateException("a send failed", failure.get());
    }
  }
}
