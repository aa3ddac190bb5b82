package io.streampipe.job.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Records behind the topic's end: the latest offsets Spark saw minus the offsets the batch reached,
 * summed over partitions. Both come as Spark's offset JSON, {@code {"topic":{"0":12,"1":40}}}.
 */
final class KafkaLag {
  private static final ObjectMapper JSON = new ObjectMapper();

  private KafkaLag() {}

  static OptionalLong of(String endOffsets, String latestOffsets) {
    if (endOffsets == null || latestOffsets == null) {
      return OptionalLong.empty();
    }
    try {
      JsonNode end = JSON.readTree(endOffsets);
      JsonNode latest = JSON.readTree(latestOffsets);
      long lag = 0;
      for (Iterator<Map.Entry<String, JsonNode>> topics = latest.fields(); topics.hasNext(); ) {
        Map.Entry<String, JsonNode> topic = topics.next();
        lag += topicLag(end.path(topic.getKey()), topic.getValue());
      }
      return OptionalLong.of(lag);
    } catch (JsonProcessingException e) {
      return OptionalLong.empty();
    }
  }

  private static long topicLag(JsonNode end, JsonNode latest) {
    long lag = 0;
    for (Iterator<Map.Entry<String, JsonNode>> parts = latest.fields(); parts.hasNext(); ) {
      Map.Entry<String, JsonNode> part = parts.next();
      long reached = end.path(part.getKey()).asLong(0);
      lag += Math.max(0, part.getValue().asLong() - reached);
    }
    return lag;
  }
}
