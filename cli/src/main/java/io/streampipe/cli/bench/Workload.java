package io.streampipe.cli.bench;

import io.streampipe.api.FieldType;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.cli.produce.EventGenerator;
import io.streampipe.cli.produce.GeneratedEvent;
import io.streampipe.job.plan.JobPlan;
import io.streampipe.job.validate.Validated;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One set of generated events, and the same events' valid ones parsed to typed values beforehand,
 * so the raw writes and the job write exactly the same rows.
 *
 * @param events what goes to Kafka, in order
 * @param rows typed values of every valid event, duplicates included, in field order
 * @param distinctKeys how many rows the table must hold after the job drained the events
 */
record Workload(List<GeneratedEvent> events, List<Object[]> rows, long distinctKeys) {

  static Workload generate(
      ValidPipeline pipeline, long seed, int count, double invalid, double duplicate) {
    EventGenerator generator = new EventGenerator(pipeline.spec(), seed, invalid, duplicate);
    JobPlan plan = JobPlan.of(pipeline);
    FieldType[] types = plan.columnTypes().toArray(new FieldType[0]);
    List<GeneratedEvent> events = new ArrayList<>(count);
    List<Object[]> rows = new ArrayList<>(count);
    java.util.Set<String> keys = new java.util.HashSet<>();
    for (int i = 0; i < count; i++) {
      GeneratedEvent event = generator.next();
      events.add(event);
      Validated result = plan.validator().validate(event.value().getBytes(StandardCharsets.UTF_8));
      // An Avro frame broken on purpose carries valid JSON text: its kind says it is no row.
      if (event.kind().isValid() && result instanceof Validated.Valid valid) {
        rows.add(typed(valid.values(), types));
        keys.add(event.key());
      }
    }
    return new Workload(List.copyOf(events), List.copyOf(rows), keys.size());
  }

  long invalid() {
    return events.size() - rows.size();
  }

  /** The job's wire form (see the validator) turned into the driver's Java types. */
  private static Object[] typed(Object[] wire, FieldType[] types) {
    Object[] typed = new Object[wire.length];
    for (int i = 0; i < wire.length; i++) {
      Object value = wire[i];
      typed[i] =
          value == null
              ? null
              : switch (types[i]) {
                case UUID -> value instanceof UUID id ? id : UUID.fromString(value.toString());
                case TIMESTAMP -> Instant.ofEpochMilli((Long) value);
                case DATE -> LocalDate.ofEpochDay((Integer) value);
                default -> value;
              };
    }
    return typed;
  }
}
