package io.streampipe.api.change;

import static io.streampipe.api.change.ChangeClass.REFUSED;
import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.Examples;
import io.streampipe.api.PipelineDocument;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import io.streampipe.api.validation.ValidPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChangeClassifierTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.streampipe.api.change.ChangeRows#rows")
  void eachChangeHasItsClass(ChangeRows.Row row) {
    StreamingPipelineSpec changed = Examples.usersSpec();
    row.change().accept(changed);

    ChangeReport report = ChangeClassifier.classify(valid(Examples.usersSpec()), valid(changed));

    assertThat(report.changeClass()).isEqualTo(row.expected());
    // A derived value may change with it (the dead-letter topic's name follows the input's).
    assertThat(report.changes())
        .map(c -> c.path().replaceAll("\\[[^]]+]", "[]"))
        .anyMatch(p -> p.startsWith(row.rule()) || row.rule().startsWith(p));
  }

  @Test
  void theRowsCoverEveryRule() {
    assertThat(ChangeRows.rows().map(ChangeRows.Row::rule)).containsAll(ChangeRules.paths());
  }

  @Test
  void anUnchangedPipelineIsNoChangeEvenWithDefaultsWrittenOut() {
    StreamingPipelineSpec implicit = Examples.usersSpec();
    implicit.setDeletionPolicy(null);
    implicit.getProcessing().setTrigger(null);

    ChangeReport report = ChangeClassifier.classify(valid(Examples.usersSpec()), valid(implicit));

    assertThat(report.changeClass()).isEqualTo(ChangeClass.NONE);
    assertThat(report.applicable()).isTrue();
  }

  @Test
  void aCheckpointBreakingChangeIsApplicableOnlyWithANewResetToken() {
    StreamingPipelineSpec renamed = Examples.usersSpec();
    ChangeRows.topic(renamed).setName("users_v2");
    StreamingPipelineSpec renamedAndReset = Examples.usersSpec();
    ChangeRows.topic(renamedAndReset).setName("users_v2");
    ChangeRows.checkpoint(renamedAndReset).setResetToken("move-to-v2");

    ValidPipeline before = valid(Examples.usersSpec());
    assertThat(ChangeClassifier.classify(before, valid(renamed)).applicable()).isFalse();
    assertThat(ChangeClassifier.classify(before, valid(renamedAndReset)).applicable()).isTrue();
  }

  @Test
  void aRefusedChangeIsNotApplicableEvenWithAResetToken() {
    StreamingPipelineSpec changed = Examples.usersSpec();
    ChangeRows.field(changed, "phone").setType("int");
    ChangeRows.checkpoint(changed).setResetToken("r2");

    ChangeReport report = ChangeClassifier.classify(valid(Examples.usersSpec()), valid(changed));

    assertThat(report.changeClass()).isEqualTo(REFUSED);
    assertThat(report.applicable()).isFalse();
    assertThat(report.describe(REFUSED)).contains("schema.fields[phone].type", "text → int");
  }

  static ValidPipeline valid(StreamingPipelineSpec spec) {
    return ValidPipeline.of(new PipelineDocument("users", null, spec));
  }
}
