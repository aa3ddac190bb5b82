package io.streampipe.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Watches a job's checkpoint while it runs: each time Spark commits a batch (its {@code commits/N}
 * file appears), every valid event below that batch's end offsets ({@code offsets/N}) must already
 * have its row. A writer that skipped a failed batch, or committed before its writes were answered,
 * shows here as ids missing at a commit.
 */
final class CommitWatch implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path checkpoint;
  private final String topic;
  private final SteadyProducer producer;
  private final Supplier<Set<UUID>> rowIds;
  private final Set<Long> seen = new HashSet<>();
  private final List<String> violations = new ArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;

  CommitWatch(Path checkpoint, String topic, SteadyProducer producer, Supplier<Set<UUID>> rowIds) {
    this.checkpoint = checkpoint;
    this.topic = topic;
    this.producer = producer;
    this.rowIds = rowIds;
    this.thread = new Thread(this::run, "commit-watch");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    while (running) {
      try {
        check();
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      } catch (IOException | RuntimeException e) {
        // A file half written by Spark: read again on the next round.
      }
    }
  }

  private void check() throws IOException {
    Path commits = checkpoint.resolve("commits");
    if (!Files.isDirectory(commits)) {
      return;
    }
    List<Long> fresh = new ArrayList<>();
    try (var files = Files.list(commits)) {
      files
          .map(f -> f.getFileName().toString())
          .filter(name -> name.chars().allMatch(Character::isDigit))
          .map(Long::parseLong)
          .filter(batch -> !seen.contains(batch))
          .forEach(fresh::add);
    }
    for (long batch : fresh) {
      Map<Integer, Long> ends = ends(batch);
      Set<UUID> missing = new HashSet<>(producer.validBelow(ends));
      missing.removeAll(rowIds.get());
      synchronized (this) {
        seen.add(batch);
        if (!missing.isEmpty()) {
          violations.add(
              "batch " + batch + " committed " + ends + " with rows missing: " + missing);
        }
      }
    }
  }

  /** The end offsets of a batch, by partition, from the last line of its offset log entry. */
  private Map<Integer, Long> ends(long batch) throws IOException {
    List<String> lines =
        Files.readAllLines(
            checkpoint.resolve("offsets").resolve(Long.toString(batch)), StandardCharsets.UTF_8);
    JsonNode offsets = JSON.readTree(lines.get(lines.size() - 1)).get(topic);
    Map<Integer, Long> ends = new HashMap<>();
    offsets
        .fields()
        .forEachRemaining(e -> ends.put(Integer.parseInt(e.getKey()), e.getValue().asLong()));
    return ends;
  }

  /** Commits seen so far. */
  synchronized int commits() {
    return seen.size();
  }

  /** Commits that came before their rows. */
  synchronized List<String> violations() {
    return List.copyOf(violations);
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join();
  }
}
