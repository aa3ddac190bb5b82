package io.streampipe.provisioning.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.avro.AvroReaderSchema;
import io.streampipe.api.v1alpha1.FieldSpec;
import io.streampipe.api.v1alpha1.SchemaSpec;
import io.streampipe.provisioning.registry.SubjectChange.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The subject's plan from what the registry holds, and the fields a refusal names. */
class SubjectChangeTest {
  private static final String SUBJECT = "users_created-value";
  private static final String V1 =
      schema(new FieldSpec("id", "uuid", true), new FieldSpec("name", "text", false));

  private final List<String> asked = new ArrayList<>();

  @Test
  void anAbsentSubjectIsRegisteredWithoutAskingForCompatibility() {
    SubjectChange change = decide(Optional.empty(), V1, compatible(true));

    assertThat(change.action()).isEqualTo(Action.REGISTER);
    assertThat(change.registers()).isTrue();
    assertThat(change.line()).contains("register the schema as version 1 with BACKWARD");
    assertThat(asked).isEmpty();
  }

  @Test
  void theLatestVersionReformattedIsUnchanged() {
    String reformatted = V1.replace(",", ", ");

    SubjectChange change = decide(latest(3, reformatted), V1, compatible(true));

    assertThat(change.action()).isEqualTo(Action.UNCHANGED);
    assertThat(change.registers()).isFalse();
    assertThat(change.line()).endsWith("unchanged (version 3)");
    assertThat(asked).isEmpty();
  }

  @Test
  void aDifferentSchemaTheRegistryAcceptsIsANewVersion() {
    String next =
        schema(
            new FieldSpec("id", "uuid", true),
            new FieldSpec("name", "text", false),
            new FieldSpec("age", "int", false));

    SubjectChange change = decide(latest(1, V1), next, compatible(true));

    assertThat(change.action()).isEqualTo(Action.NEW_VERSION);
    assertThat(change.line()).contains("register a new version, compatible with version 1");
    assertThat(asked).containsExactly(next);
  }

  @Test
  void aNewRequiredFieldIsRefusedNamingIt() {
    String next =
        schema(
            new FieldSpec("id", "uuid", true),
            new FieldSpec("name", "text", false),
            new FieldSpec("age", "int", true));

    SubjectChange change = decide(latest(1, V1), next, compatible(false));

    assertThat(change.isRefused()).isTrue();
    assertThat(change.registers()).isFalse();
    assertThat(change.refused())
        .containsExactly(
            "field age: a required field without a default cannot be added under BACKWARD"
                + " (declare it not required)");
  }

  @Test
  void aTypeChangeIsRefusedNamingTheFieldAndBothTypes() {
    String next = schema(new FieldSpec("id", "uuid", true), new FieldSpec("name", "int", false));

    SubjectChange change = decide(latest(2, V1), next, compatible(false));

    assertThat(change.refused()).hasSize(1);
    assertThat(change.refused().get(0))
        .startsWith("field name: its type changes from optional string to optional int");
    assertThat(change.line()).contains("refused against version 2: field name:");
  }

  @Test
  void aRefusalTheLocalRulesDoNotExplainKeepsTheRegistrysWords() {
    String next =
        schema(
            new FieldSpec("id", "uuid", true),
            new FieldSpec("name", "text", false),
            new FieldSpec("age", "int", false));

    SubjectChange change =
        decide(
            latest(1, V1),
            next,
            s -> new Compatibility(false, List.of("FULL: the old schema cannot read age")));

    assertThat(change.refused()).containsExactly("FULL: the old schema cannot read age");
  }

  private SubjectChange decide(
      Optional<RegisteredSchema> latest, String schema, Function<String, Compatibility> check) {
    return SubjectChange.decide(
        SUBJECT,
        schema,
        latest,
        s -> {
          asked.add(s);
          return check.apply(s);
        });
  }

  private static Function<String, Compatibility> compatible(boolean compatible) {
    return s -> new Compatibility(compatible, List.of());
  }

  private static Optional<RegisteredSchema> latest(int version, String schema) {
    return Optional.of(new RegisteredSchema(SUBJECT, 10 + version, version, schema));
  }

  private static String schema(FieldSpec... fields) {
    SchemaSpec spec = new SchemaSpec();
    spec.setFields(List.of(fields));
    return AvroReaderSchema.of(spec, "users");
  }
}
