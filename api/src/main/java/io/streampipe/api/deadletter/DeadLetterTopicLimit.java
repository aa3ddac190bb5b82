package io.streampipe.api.deadletter;

import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import java.util.Map;

/** How large a dead letter may be: its topic's {@code max.message.bytes}, or Kafka's default. */
public final class DeadLetterTopicLimit {
  /** Kafka's default message.max.bytes, the limit of a topic that sets none. */
  public static final int KAFKA_MAX_MESSAGE_BYTES = 1_048_588;

  /** Room for a record's framing, timestamp and headers beside its key and value. */
  private static final int RECORD_OVERHEAD = 512;

  private DeadLetterTopicLimit() {}

  /** The dead-letter topic's record limit, for its producer's max.request.size too. */
  public static int maxMessageBytes(StreamingPipelineSpec spec) {
    var topic = spec.getQuality().getDeadLetter().getTopic();
    Map<String, String> config = topic == null ? null : topic.getConfig();
    String value = config == null ? null : config.get("max.message.bytes");
    try {
      return value == null ? KAFKA_MAX_MESSAGE_BYTES : Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return KAFKA_MAX_MESSAGE_BYTES;
    }
  }

  /** The largest dead-letter value that fits in one record of that limit beside this key. */
  public static int valueLimit(int maxMessageBytes, byte[] key) {
    return maxMessageBytes - RECORD_OVERHEAD - (key == null ? 0 : key.length);
  }
}
