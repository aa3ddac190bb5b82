package io.streampipe.job.validate;

import com.google.re2j.Pattern;
import io.streampipe.api.FieldType;
import io.streampipe.api.v1alpha1.FieldRules;
import io.streampipe.api.v1alpha1.FieldSpec;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;

/**
 * A declared field with its rules compiled once (regex, value set), so checking a record costs no
 * parsing of the spec. Serializable: it travels to the executors. Patterns are RE2/J's: the JDK's
 * engine took 15 s on one 30,000-character value against {@code ^(a+)+$}, and overflows its stack
 * on {@code (a|aa)+}; RE2/J is linear in the text.
 *
 * @param allowedValues null when the field has no such rule
 * @param pattern null when the field has no such rule
 * @param min null when unbounded
 * @param max null when unbounded
 */
public record CompiledField(
    String name,
    FieldType type,
    boolean required,
    Pattern pattern,
    Set<String> allowedValues,
    Double min,
    Double max)
    implements Serializable {

  public static CompiledField of(FieldSpec spec) {
    FieldRules rules = spec.getRules() == null ? new FieldRules() : spec.getRules();
    return new CompiledField(
        spec.getName(),
        FieldType.require(spec.getType()),
        spec.isRequired(),
        rules.getPattern() == null ? null : Pattern.compile(rules.getPattern()),
        rules.getAllowedValues() == null ? null : new HashSet<>(rules.getAllowedValues()),
        rules.getMin(),
        rules.getMax());
  }
}
