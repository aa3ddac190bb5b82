package io.streampipe.job.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.PipelineDocument;
import io.streampipe.api.PipelineDocuments;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.job.TestDocuments;
import io.streampipe.job.plan.JobPlan;
import io.streampipe.job.validate.Validated.Rejection;
import io.streampipe.job.validate.Validated.Valid;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job's rules in a JVM whose default charset is ASCII (surefire's non-utf8-default-charset
 * execution), as with no LANG: non-ASCII allowed values read from the spec file still match.
 */
class RecordValidatorNonUtf8Test {
  private static final List<String> GENDERS = List.of("männlich", "weiblich", "日本");

  @Test
  void allowedValuesFromTheSpecFileMatchNonAsciiRecords(@TempDir Path dir) throws Exception {
    PipelineDocument users = TestDocuments.users();
    users.spec().getSchema().getFields().stream()
        .filter(f -> f.getName().equals("gender"))
        .findFirst()
        .orElseThrow()
        .getRules()
        .setAllowedValues(GENDERS);
    // The bytes the job finds in its mounted ConfigMap.
    Path spec = dir.resolve("pipeline.yaml");
    Files.write(spec, PipelineDocuments.write(users).getBytes(StandardCharsets.UTF_8));

    RecordValidator validator =
        JobPlan.of(ValidPipeline.of(PipelineDocuments.read(spec))).validator();

    for (String gender : GENDERS) {
      Validated result = validator.validate(record(gender));
      assertThat(result).as(gender).isInstanceOf(Valid.class);
      assertThat(((Valid) result).values()).as(gender).contains(gender);
    }
    Validated mangled = validator.validate(record("m?nnlich"));
    assertThat(mangled).isInstanceOf(Rejection.class);
    assertThat(((Rejection) mangled).first().rule()).isEqualTo(Rule.ALLOWED_VALUES);
  }

  private static byte[] record(String gender) {
    return RecordValidatorTest.record("gender", "\"" + gender + "\"")
        .getBytes(StandardCharsets.UTF_8);
  }
}
