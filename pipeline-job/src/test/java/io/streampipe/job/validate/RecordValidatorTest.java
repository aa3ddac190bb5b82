package io.streampipe.job.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.job.PipelineDocumentsSpec;
import io.streampipe.job.TestDocuments;
import io.streampipe.job.validate.Validated.Rejection;
import io.streampipe.job.validate.Validated.Valid;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RecordValidatorTest {
  private static final String ID = "123e4567-e89b-12d3-a456-426614174000";
  private final RecordValidator validator =
      RecordValidator.of(PipelineDocumentsSpec.defaulted(TestDocuments.users()).getSchema());

  /** A valid record with one property replaced (or removed, with null). */
  static String record(String property, String json) {
    String base =
        "{\"id\":\""
            + ID
            + "\",\"first_name\":\"Ada\",\"gender\":\"female\","
            + "\"email\":\"ada@example.org\",\"age\":36,\"score\":1.5,\"visits\":12,"
            + "\"active\":true,\"registered_date\":\"2024-03-01T10:15:30.123Z\","
            + "\"dob\":\"1988-12-10\"}";
    if (property == null) {
      return base;
    }
    String pattern = "\"" + property + "\":(\"[^\"]*\"|[^,}]+)";
    return json == null
        ? base.replaceFirst(pattern + ",?", "")
        : base.replaceFirst(pattern, "\"" + property + "\":" + json);
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("{not json", Rule.MALFORMED_JSON, null),
        Arguments.of("[1,2]", Rule.MALFORMED_JSON, null),
        Arguments.of("\"text\"", Rule.MALFORMED_JSON, null),
        Arguments.of("42", Rule.MALFORMED_JSON, null),
        Arguments.of(record(null, null) + "{}", Rule.MALFORMED_JSON, null),
        Arguments.of(record(null, null).replace("}", ""), Rule.MALFORMED_JSON, null),
        Arguments.of(record("email", null), Rule.REQUIRED, "email"),
        Arguments.of(record("email", "null"), Rule.REQUIRED, "email"),
        Arguments.of(record("id", null), Rule.REQUIRED, "id"),
        Arguments.of(record("age", "\"abc\""), Rule.TYPE, "age"),
        Arguments.of(record("age", "1.5"), Rule.TYPE, "age"),
        Arguments.of(record("age", "3000000000"), Rule.TYPE, "age"),
        Arguments.of(record("age", "{\"n\":1}"), Rule.TYPE, "age"),
        Arguments.of(record("visits", "\"12\""), Rule.TYPE, "visits"),
        Arguments.of(record("visits", "99999999999999999999"), Rule.TYPE, "visits"),
        Arguments.of(record("score", "\"high\""), Rule.TYPE, "score"),
        Arguments.of(record("active", "\"yes\""), Rule.TYPE, "active"),
        Arguments.of(record("active", "1"), Rule.TYPE, "active"),
        Arguments.of(record("id", "\"not-a-uuid\""), Rule.TYPE, "id"),
        Arguments.of(record("id", "\"1-1-1-1-1\""), Rule.TYPE, "id"),
        Arguments.of(record("id", "42"), Rule.TYPE, "id"),
        Arguments.of(record("registered_date", "\"01/03/2024\""), Rule.TYPE, "registered_date"),
        Arguments.of(
            record("registered_date", "\"2024-03-01T10:15:30\""), Rule.TYPE, "registered_date"),
        Arguments.of(record("registered_date", "true"), Rule.TYPE, "registered_date"),
        Arguments.of(record("dob", "\"1988-13-40\""), Rule.TYPE, "dob"),
        Arguments.of(record("first_name", "[\"a\"]"), Rule.TYPE, "first_name"),
        Arguments.of(record("email", "\"no-at-sign\""), Rule.PATTERN, "email"),
        Arguments.of(record("email", "\"ada@example.org trailing\""), Rule.PATTERN, "email"),
        Arguments.of(record("gender", "\"other\""), Rule.ALLOWED_VALUES, "gender"),
        Arguments.of(record("gender", "\"Female\""), Rule.ALLOWED_VALUES, "gender"),
        Arguments.of(record("age", "-1"), Rule.MIN, "age"),
        Arguments.of(record("age", "151"), Rule.MAX, "age"));
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @MethodSource("refused")
  void refusesWithRuleAndField(String json, Rule rule, String field) {
    Validated result = validator.validate(json.getBytes(StandardCharsets.UTF_8));

    assertThat(result).isInstanceOf(Rejection.class);
    Failure first = ((Rejection) result).first();
    assertThat(first.rule()).isEqualTo(rule);
    assertThat(first.field()).isEqualTo(field);
    assertThat(first.message()).isNotBlank();
  }

  @Test
  void readsEveryTypeIntoItsWireForm() {
    Validated result = validator.validate(bytes(record(null, null)));

    assertThat(result).isInstanceOf(Valid.class);
    assertThat(((Valid) result).values())
        .containsExactly(
            java.util.UUID.fromString(ID),
            "Ada",
            "female",
            "ada@example.org",
            36,
            1.5,
            12L,
            true,
            Instant.parse("2024-03-01T10:15:30.123Z").toEpochMilli(),
            (int) LocalDate.parse("1988-12-10").toEpochDay());
  }

  @Test
  void acceptsOptionalAbsentsUnknownPropertiesAndLenientForms() {
    String json =
        "{\"extra\":{\"deep\":[1,{\"x\":2}]},\"id\":\""
            + ID.toUpperCase()
            + "\","
            + "\"email\":\"a@b.io\",\"registered_date\":1709288130123,\"first_name\":12345,"
            + "\"score\":3,\"age\":null}";

    Validated result = validator.validate(bytes(json));

    assertThat(result).isInstanceOf(Valid.class);
    Object[] values = ((Valid) result).values();
    assertThat(values[0]).isEqualTo(java.util.UUID.fromString(ID));
    assertThat(values[1]).isEqualTo("12345");
    assertThat(values[4]).isNull();
    assertThat(values[5]).isEqualTo(3.0);
    assertThat(values[8]).isEqualTo(1709288130123L);
  }

  @Test
  void reportsEveryFailureInDeclarationOrder() {
    String json = "{\"age\":\"old\",\"gender\":\"x\",\"registered_date\":\"2024-03-01Z\"}";

    Rejection rejection = (Rejection) validator.validate(bytes(json));

    assertThat(rejection.failures())
        .extracting(f -> f.rule().label() + ":" + f.field())
        .containsExactly(
            "required:id",
            "allowed_values:gender",
            "required:email",
            "type:age",
            "type:registered_date");
  }

  @Test
  void refusesAnEmptyOrNullValue() {
    assertThat(((Rejection) validator.validate(null)).first().rule())
        .isEqualTo(Rule.MALFORMED_JSON);
    assertThat(((Rejection) validator.validate(new byte[0])).first().rule())
        .isEqualTo(Rule.MALFORMED_JSON);
  }

  @Test
  void readsTheSameValuesWhateverThePropertyOrderAndRepeats() {
    Object[] declared = ((Valid) validator.validate(bytes(record(null, null)))).values();
    String reversed =
        "{\"dob\":\"1988-12-10\",\"registered_date\":\"2024-03-01T10:15:30.123Z\","
            + "\"active\":true,\"visits\":12,\"score\":1.5,\"age\":36,"
            + "\"email\":\"ada@example.org\",\"gender\":\"female\",\"first_name\":\"Ada\","
            + "\"id\":\""
            + ID
            + "\"}";
    // A repeated property: the last one counts, as in the declared-order case.
    String repeated = record(null, null).replace("{\"id\"", "{\"first_name\":\"Bob\",\"id\"");

    assertThat(((Valid) validator.validate(bytes(reversed))).values()).containsExactly(declared);
    assertThat(((Valid) validator.validate(bytes(repeated))).values()).containsExactly(declared);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
