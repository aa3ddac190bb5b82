package io.streampipe.cli.produce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streampipe.api.PipelineDefaults;
import io.streampipe.api.PipelineDocuments;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventGeneratorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final StreamingPipelineSpec users =
      PipelineDefaults.apply(
          PipelineDocuments.read(
                  Path.of(
                      System.getProperty("streampipe.project.dir", ".."),
                      "examples/users-pipeline.yaml"))
              .spec());

  @Test
  void validEventsMeetEveryRuleOfTheReferenceSchema() throws Exception {
    EventGenerator generator = new EventGenerator(users, 7, 0, 0);

    for (int i = 0; i < 500; i++) {
      GeneratedEvent event = generator.next();
      JsonNode json = JSON.readTree(event.value());

      assertThat(event.kind()).isEqualTo(EventKind.VALID);
      assertThat(UUID.fromString(json.get("id").asText()).toString()).isEqualTo(event.key());
      assertThat(json.get("email").asText()).matches(".+@.+\\..+");
      assertThat(json.get("gender").asText()).isIn("male", "female");
      assertThat(java.time.Instant.parse(json.get("registered_date").asText())).isNotNull();
    }
  }

  @Test
  void producesTheRequestedShareOfEachKind() {
    EventGenerator generator = new EventGenerator(users, 7, 0.1, 0.05);

    for (int i = 0; i < 20_000; i++) {
      generator.next();
    }

    Map<EventKind, Long> counts = generator.counts();
    long invalid =
        counts.get(EventKind.MALFORMED_JSON)
            + counts.get(EventKind.MISSING_REQUIRED)
            + counts.get(EventKind.WRONG_TYPE)
            + counts.get(EventKind.RULE_VIOLATION);
    assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(20_000);
    assertThat(invalid).isBetween(1_800L, 2_200L);
    assertThat(counts.get(EventKind.DUPLICATE)).isBetween(800L, 1_200L);
    assertThat(counts.get(EventKind.RULE_VIOLATION)).isPositive();
    assertThat(counts.get(EventKind.MISSING_REQUIRED)).isPositive();
  }

  @Test
  void duplicatesRepeatTheKeyOfAnEarlierValidEvent() {
    EventGenerator generator = new EventGenerator(users, 3, 0, 0.3);
    Set<String> validKeys = new HashSet<>();
    List<GeneratedEvent> duplicates = new ArrayList<>();

    for (int i = 0; i < 2_000; i++) {
      GeneratedEvent event = generator.next();
      if (event.kind() == EventKind.VALID) {
        validKeys.add(event.key());
      } else {
        duplicates.add(event);
      }
    }

    assertThat(duplicates).isNotEmpty().allSatisfy(d -> assertThat(validKeys).contains(d.key()));
  }

  @Test
  void badEventsAreBadInTheWayTheirKindSays() throws Exception {
    EventGenerator generator = new EventGenerator(users, 11, 1.0, 0);
    for (int i = 0; i < 40; i++) {
      GeneratedEvent event = generator.next();
      switch (event.kind()) {
        case MALFORMED_JSON -> assertThat(parses(event.value())).isFalse();
        case MISSING_REQUIRED -> assertThat(JSON.readTree(event.value()).has("id")).isFalse();
        case WRONG_TYPE ->
            assertThat(JSON.readTree(event.value()).get("id").asText()).isEqualTo("not-a-uuid");
        case RULE_VIOLATION ->
            assertThat(JSON.readTree(event.value()).get("gender").asText())
                .isEqualTo("none-of-the-allowed-values");
        default -> throw new AssertionError("a valid event at ratio 1.0: " + event);
      }
    }
  }

  @Test
  void sameSeedSameEvents() {
    EventGenerator one = new EventGenerator(users, 5, 0.2, 0.2);
    EventGenerator two = new EventGenerator(users, 5, 0.2, 0.2);

    for (int i = 0; i < 100; i++) {
      assertThat(one.next()).isEqualTo(two.next());
    }
  }

  private static boolean parses(String text) {
    try {
      JSON.readTree(text);
      return true;
    } catch (Exception e) {
      return false;
    }
  }
}
