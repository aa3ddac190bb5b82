package io.streampipe.api.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streampipe.api.Examples;
import io.streampipe.api.PipelineDefaults;
import io.streampipe.api.PipelineDocument;
import org.junit.jupiter.api.Test;

/** A ValidPipeline exists only for a valid spec, and carries it with every default applied. */
class ValidPipelineTest {

  @Test
  void aValidDocumentComesBackDefaulted() {
    ValidPipeline users = ValidPipeline.of(users());
    assertThat(users.name()).isEqualTo("users");
    assertThat(users.spec().getProcessing().getTrigger()).isNotNull();
    assertThat(users.spec().getQuality().getDeadLetter().getTopic().getName())
        .isEqualTo("users_created" + PipelineDefaults.DEAD_LETTER_SUFFIX);
    assertThat(users.document().spec()).isSameAs(users.spec());
  }

  @Test
  void anInvalidDocumentIsRefusedWithEveryProblem() {
    PipelineDocument bad = users();
    bad.spec().getSink().getCassandra().setTtl("forever");
    bad.spec().getSink().getCassandra().setTable("bad name");
    assertThatThrownBy(() -> ValidPipeline.of(bad))
        .isInstanceOfSatisfying(
            ValidPipeline.InvalidPipelineException.class, e -> assertThat(e.problems()).hasSize(2))
        .hasMessageStartingWith("pipeline users is invalid:\n  spec.sink.cassandra.")
        .hasMessageContaining("spec.sink.cassandra.ttl")
        .hasMessageContaining("spec.sink.cassandra.table");
  }

  @Test
  void hostileNamesNeverReachAValidPipeline() {
    PipelineDocument hostile = users();
    hostile.spec().getSink().getCassandra().setTable("x; DROP KEYSPACE system");
    hostile.spec().getSink().getCassandra().getKeyspace().setName("system");
    assertThatThrownBy(() -> ValidPipeline.of(hostile))
        .isInstanceOfSatisfying(
            ValidPipeline.InvalidPipelineException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::path)
                    .contains("spec.sink.cassandra.table", "spec.sink.cassandra.keyspace.name"));
  }

  @Test
  void aNameThatCannotNameAServiceIsRefused() {
    for (String name : new String[] {"2users", "users.v2", "Users", "users-", "x".repeat(51)}) {
      PipelineDocument document = new PipelineDocument(name, null, users().spec());
      assertThatThrownBy(() -> ValidPipeline.of(document))
          .isInstanceOfSatisfying(
              ValidPipeline.InvalidPipelineException.class,
              e ->
                  assertThat(e.problems())
                      .extracting(Problem::path)
                      .containsExactly("metadata.name"));
    }
    assertThat(ValidPipeline.of(new PipelineDocument("users-2", null, users().spec())).name())
        .isEqualTo("users-2");
  }

  @Test
  void aDocumentWithoutItsSectionsIsRefusedToo() {
    assertThatThrownBy(() -> ValidPipeline.of(new PipelineDocument("empty", null, null)))
        .hasMessageContaining("spec: is required");
  }

  private static PipelineDocument users() {
    return Examples.users();
  }
}
