package io.streampipe.cli.produce;

/**
 * One event ready to send.
 *
 * @param key the Kafka key: the event's dedup key values, so repeats land in one partition
 * @param value the JSON text (or deliberately broken text)
 * @param kind what the pipeline should do with it
 */
public record GeneratedEvent(String key, String value, EventKind kind) {}
