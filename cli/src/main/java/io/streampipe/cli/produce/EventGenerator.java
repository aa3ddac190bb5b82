package io.streampipe.cli.produce;

import io.streampipe.api.FieldType;
import io.streampipe.api.PipelineDefaults;
import io.streampipe.api.v1alpha1.FieldSpec;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates events for any declared schema: mostly valid ones, plus a chosen share of duplicates
 * and of each kind of bad record, so that a run can check every event was accounted for.
 */
public final class EventGenerator {
  private static final int REMEMBERED_FOR_DUPLICATES = 1_000;

  private final List<FieldSpec> fields;
  private final Map<String, ValueFaker> fakers = new LinkedHashMap<>();
  private final List<String> keyFields;
  private final SplittableRandom random;
  private final double invalidRatio;
  private final double duplicateRatio;
  private final List<EventKind> invalidKinds;
  private final List<GeneratedEvent> recentValid = new ArrayList<>();
  private final Map<EventKind, Long> counts = new EnumMap<>(EventKind.class);
  private int nextInvalid;

  /**
   * @param spec a defaulted, valid spec
   * @param invalidRatio share of bad records, 0 to 1
   * @param duplicateRatio share of repeats of earlier valid events, 0 to 1
   */
  public EventGenerator(
      StreamingPipelineSpec spec, long seed, double invalidRatio, double duplicateRatio) {
    this.fields = spec.getSchema().getFields();
    fields.forEach(f -> fakers.put(f.getName(), new ValueFaker(f)));
    this.keyFields = spec.getQuality().getDedupKeys();
    this.random = new SplittableRandom(seed);
    this.invalidRatio = invalidRatio;
    this.duplicateRatio = duplicateRatio;
    this.invalidKinds =
        applicableInvalidKinds(PipelineDefaults.FORMAT_AVRO.equals(spec.getSource().getFormat()));
    for (EventKind kind : EventKind.values()) {
      counts.put(kind, 0L);
    }
  }

  /** The next event. */
  public GeneratedEvent next() {
    double roll = random.nextDouble();
    GeneratedEvent event;
    if (roll < invalidRatio && !invalidKinds.isEmpty()) {
      event = invalid(invalidKinds.get(nextInvalid++ % invalidKinds.size()));
    } else if (roll < invalidRatio + duplicateRatio && !recentValid.isEmpty()) {
      GeneratedEvent original = recentValid.get(random.nextInt(recentValid.size()));
      event = new GeneratedEvent(original.key(), original.value(), EventKind.DUPLICATE);
    } else {
      event = valid();
    }
    counts.merge(event.kind(), 1L, Long::sum);
    return event;
  }

  /** How many events of each kind were generated so far. */
  public Map<EventKind, Long> counts() {
    return Map.copyOf(counts);
  }

  /** The valid events and the bad ones by the dead-letter rule the job should file them under. */
  public String expectedDeadLetters() {
    Map<String, Long> byRule = new java.util.TreeMap<>();
    long valid = 0;
    for (Map.Entry<EventKind, Long> kind : counts.entrySet()) {
      if (kind.getKey().isValid()) {
        valid += kind.getValue();
      } else if (kind.getValue() > 0) {
        byRule.merge(kind.getKey().deadLetterRule(), kind.getValue(), Long::sum);
      }
    }
    return String.format(
        "valid %d (%d repeats); expected dead letters by rule: %s",
        valid, counts.get(EventKind.DUPLICATE), byRule);
  }

  /**
   * True when the declared rules can be met by generated values; false means valid events may be
   * refused.
   */
  public boolean canSatisfyRules() {
    return fakers.values().stream().allMatch(f -> f.canSatisfyRules(new SplittableRandom(1)));
  }

  private GeneratedEvent valid() {
    Map<String, String> literals = new LinkedHashMap<>();
    fakers.forEach((name, faker) -> literals.put(name, faker.validLiteral(random)));
    GeneratedEvent event = new GeneratedEvent(key(literals), object(literals), EventKind.VALID);
    if (recentValid.size() < REMEMBERED_FOR_DUPLICATES) {
      recentValid.add(event);
    } else {
      recentValid.set(random.nextInt(REMEMBERED_FOR_DUPLICATES), event);
    }
    return event;
  }

  private GeneratedEvent invalid(EventKind kind) {
    Map<String, String> literals = new LinkedHashMap<>();
    fakers.forEach((name, faker) -> literals.put(name, faker.validLiteral(random)));
    String key = key(literals);
    switch (kind) {
      case MALFORMED_JSON -> {
        return new GeneratedEvent(key, "{\"truncated\": ", kind);
      }
      case MISSING_REQUIRED -> literals.remove(firstRequired().getName());
      case WRONG_TYPE -> {
        FieldSpec target = wrongTypeTarget();
        literals.put(target.getName(), fakers.get(target.getName()).wrongTypeLiteral());
      }
      // The frame of these is broken when it is encoded (AvroEvents); the values stay valid.
      case NOT_WIRE_FORMAT, UNKNOWN_SCHEMA_ID, CORRUPT_AVRO -> {}
      default -> {
        FieldSpec target = ruleTarget();
        literals.put(target.getName(), fakers.get(target.getName()).ruleBreakingLiteral());
      }
    }
    return new GeneratedEvent(key, object(literals), kind);
  }

  private List<EventKind> applicableInvalidKinds(boolean avro) {
    List<EventKind> kinds = new ArrayList<>();
    if (avro) {
      kinds.addAll(AvroEvents.INVALID_KINDS);
      // Valid Avro can carry a bad type only as a uuid string that is no uuid.
      if (FieldType.UUID == FieldType.require(wrongTypeTarget().getType())) {
        kinds.add(EventKind.WRONG_TYPE);
      }
    } else {
      kinds.addAll(List.of(EventKind.MALFORMED_JSON, EventKind.WRONG_TYPE));
      if (fields.stream().anyMatch(FieldSpec::isRequired)) {
        kinds.add(EventKind.MISSING_REQUIRED);
      }
    }
    if (ruleTarget() != null) {
      kinds.add(EventKind.RULE_VIOLATION);
    }
    return kinds;
  }

  private FieldSpec firstRequired() {
    return fields.stream().filter(FieldSpec::isRequired).findFirst().orElseThrow();
  }

  /** A non-text field when there is one: a wrong value there is unambiguously a type error. */
  private FieldSpec wrongTypeTarget() {
    return fields.stream()
        .filter(f -> !"text".equals(f.getType()))
        .findFirst()
        .orElse(fields.get(0));
  }

  private FieldSpec ruleTarget() {
    return fields.stream()
        .filter(f -> fakers.get(f.getName()).ruleBreakingLiteral() != null)
        .findFirst()
        .orElse(null);
  }

  private String key(Map<String, String> literals) {
    StringBuilder key = new StringBuilder();
    for (String field : keyFields) {
      String literal = literals.getOrDefault(field, "");
      key.append(key.length() == 0 ? "" : "|").append(literal.replace("\"", ""));
    }
    return key.toString();
  }

  private static String object(Map<String, String> literals) {
    StringBuilder json = new StringBuilder("{");
    literals.forEach(
        (name, literal) ->
            json.append(json.length() == 1 ? "" : ",")
                .append(Json.quote(name))
                .append(':')
                .append(literal));
    return json.append('}').toString();
  }
}
