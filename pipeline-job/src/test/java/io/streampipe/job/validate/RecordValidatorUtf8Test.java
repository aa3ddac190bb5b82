package io.streampipe.job.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.deadletter.Utf8;
import io.streampipe.job.PipelineDocumentsSpec;
import io.streampipe.job.TestDocuments;
import io.streampipe.job.validate.Validated.Rejection;
import io.streampipe.job.validate.Validated.Valid;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed UTF-8 in a record is refused as malformed JSON, never decoded into other text. */
class RecordValidatorUtf8Test {
  private final RecordValidator validator =
      RecordValidator.of(PipelineDocumentsSpec.defaulted(TestDocuments.users()).getSchema());

  @ParameterizedTest
  @ValueSource(
      strings = {
        "c080", // overlong NUL
        "e080af", // overlong '/'
        "eda080", // encoded high surrogate
        "edbfbf", // encoded low surrogate
        "f4908080", // above U+10FFFF
        "f5808080", // no such lead byte
        "c3", // truncated two-byte sequence
        "e282", // truncated three-byte sequence
        "80", // a lone continuation byte
        "ff"
      })
  void refusesMalformedSequencesInAText(String hex) {
    Validated result = validator.validate(withFirstName(HexFormat.of().parseHex(hex)));

    assertThat(result).isInstanceOf(Rejection.class);
    Failure failure = ((Rejection) result).first();
    assertThat(failure.rule()).isEqualTo(Rule.MALFORMED_JSON);
    assertThat(failure.message()).contains("invalid UTF-8 at byte");
  }

  @Test
  void acceptsEveryWellFormedLengthAndKeepsTheText() {
    String name = "Aé€😀";
    Validated result = validator.validate(withFirstName(name.getBytes(StandardCharsets.UTF_8)));

    assertThat(result).isInstanceOf(Valid.class);
    assertThat(((Valid) result).values()).contains(name);
  }

  @Test
  void cutsOnlyBetweenSequences() {
    byte[] euro = "a€".getBytes(StandardCharsets.UTF_8);

    assertThat(Utf8.boundary(euro, 2)).isEqualTo(1);
    assertThat(Utf8.boundary(euro, 4)).isEqualTo(4);
    assertThat(Utf8.boundary(euro, 1)).isEqualTo(1);
  }

  private static byte[] withFirstName(byte[] name) {
    String[] parts = RecordValidatorTest.record("first_name", "\"@\"").split("@", 2);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(parts[0].getBytes(StandardCharsets.UTF_8));
    out.writeBytes(name);
    out.writeBytes(parts[1].getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
