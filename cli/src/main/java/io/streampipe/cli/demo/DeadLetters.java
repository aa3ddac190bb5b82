package io.streampipe.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streampipe.cli.redrive.TopicReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** Reads a dead-letter topic from start to end and counts its records by rule. */
public final class DeadLetters {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DeadLetters() {}

  public static Map<String, Long> countByRule(String bootstrapServers, String topic) {
    Map<String, Long> counts = new TreeMap<>();
    TopicReader.readAll(
        bootstrapServers,
        topic,
        r -> counts.merge(rule(new String(r.value(), StandardCharsets.UTF_8)), 1L, Long::sum));
    return counts;
  }

  private static String rule(String value) {
    try {
      JsonNode message = JSON.readTree(value);
      return message.path("rule").asText("unreadable");
    } catch (Exception e) {
      return "unreadable";
    }
  }
}
