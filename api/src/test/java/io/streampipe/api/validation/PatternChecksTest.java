package io.streampipe.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.Examples;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Field patterns are RE2's: what the JDK takes and RE2 cannot run in linear time is refused. */
class PatternChecksTest {

  @ParameterizedTest
  @ValueSource(strings = {"(a)\\1", "^(?=.*@).+$", "^(?!x).*", "(?<=a)b", "a++", "(?>a+)b"})
  void refusesWhatOnlyTheJdkRuns(String pattern) {
    assertThat(problems(pattern))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("spec.schema.fields[6].rules.pattern");
              assertThat(p.message()).startsWith("is not a valid RE2 regular expression");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"^(a+)+$", "^[^@]+@[^@]+\\.[a-z]{2,}$", "\\p{L}+", "(?i)ab(c|d)*"})
  void takesPatternsThatRunInLinearTime(String pattern) {
    assertThat(problems(pattern)).isEmpty();
  }

  private static java.util.List<Problem> problems(String pattern) {
    StreamingPipelineSpec spec = Examples.usersSpec();
    spec.getSchema().getFields().get(6).getRules().setPattern(pattern);
    return PipelineValidator.validate(spec);
  }
}
