package io.streampipe.job.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streampipe.api.PipelineDocuments;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.job.TestDocuments;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobPlanTest {
  @Test
  void compilesTheDocument() {
    JobPlan plan = JobPlan.of(ValidPipeline.of(TestDocuments.users()));

    assertThat(plan.pipeline()).isEqualTo("users");
    assertThat(plan.topic()).isEqualTo("users_created");
    assertThat(plan.deadLetterTopic()).isEqualTo("users_created.dlq");
    assertThat(plan.dedupKeyIndexes()).containsExactly(0);
    assertThat(plan.trigger()).isEqualTo(Duration.ofSeconds(1));
    assertThat(plan.upsertCql())
        .startsWith("INSERT INTO \"streampipe_it\".\"created_users\" (\"id\", \"first_name\"")
        .doesNotContain("TTL")
        .endsWith("USING TIMESTAMP ?");
    assertThat(plan.dedupOnPrimaryKey()).isTrue();
  }

  @Test
  void dedupKeysOtherThanThePrimaryKeyNeedTheShuffle() {
    var document = TestDocuments.users();
    document.spec().setQuality(new io.streampipe.api.v1alpha1.QualitySpec());
    document.spec().getQuality().setDedupKeys(java.util.List.of("email"));

    assertThat(JobPlan.of(ValidPipeline.of(document)).dedupOnPrimaryKey()).isFalse();
  }

  @Test
  void readsTheReferenceExample() {
    Path example =
        Path.of(System.getProperty("streampipe.project.dir", ".."), "examples/users-pipeline.yaml");
    JobPlan plan = JobPlan.of(ValidPipeline.of(PipelineDocuments.read(example)));

    assertThat(plan.validator().fields()).hasSize(12);
    assertThat(plan.maxOffsetsPerTrigger()).isEqualTo(1000);
  }

  @Test
  void refusesAnInvalidDocumentWithEveryProblem() {
    var document = TestDocuments.users();
    document.spec().setQuality(new io.streampipe.api.v1alpha1.QualitySpec());
    document.spec().getQuality().setDedupKeys(java.util.List.of("nope"));

    assertThatThrownBy(() -> ValidPipeline.of(document))
        .isInstanceOf(ValidPipeline.InvalidPipelineException.class)
        .hasMessageContaining("dedupKeys")
        .hasMessageContaining("nope");
  }

  @Test
  void aDisabledDeadLetterTopicIsNull() {
    var document = TestDocuments.users();
    var quality = new io.streampipe.api.v1alpha1.QualitySpec();
    quality.setDeadLetter(new io.streampipe.api.v1alpha1.DeadLetterSpec());
    quality.getDeadLetter().setEnabled(false);
    document.spec().setQuality(quality);

    assertThat(JobPlan.of(ValidPipeline.of(document)).deadLetterEnabled()).isFalse();
  }
}
