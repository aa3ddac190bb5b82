package io.streampipe.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import io.streampipe.api.validation.PipelineValidator;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StartingOffsetsTest {

  @Test
  void aTimeWithItsOffsetIsAStartingPoint() {
    assertThat(StartingOffsets.timestamp("2026-11-30T10:00:00Z"))
        .contains(Instant.parse("2026-11-30T10:00:00Z"));
    assertThat(StartingOffsets.timestamp("2026-11-30T11:00:00.5+01:00"))
        .contains(Instant.parse("2026-11-30T10:00:00.5Z"));
    assertThat(StartingOffsets.timestamp("earliest")).isEmpty();
  }

  @Test
  void theValidatorTakesEarliestLatestAndTimesAndRefusesTheRest() {
    assertThat(problems("earliest")).isEmpty();
    assertThat(problems("latest")).isEmpty();
    assertThat(problems("2026-11-30T10:00:00Z")).isEmpty();
    assertThat(problems("2026-11-30T10:00:00"))
        .singleElement()
        .asString()
        .contains("spec.source.startingOffsets", "ISO-8601");
    assertThat(problems("yesterday")).hasSize(1);
  }

  private static java.util.List<io.streampipe.api.validation.Problem> problems(String start) {
    StreamingPipelineSpec spec = Examples.usersSpec();
    spec.getSource().setStartingOffsets(start);
    return PipelineValidator.validate(spec);
  }
}
