package io.streampipe.job.validate;

/** The data-quality rules of one field, applied to a value of the right type. */
final class FieldRuleCheck {
  private FieldRuleCheck() {}

  /** The first broken rule, or null. {@code raw} is the value as written in the JSON. */
  static Failure check(CompiledField field, Object value, String raw) {
    if (field.pattern() != null && !field.pattern().matches(value.toString())) {
      return new Failure(
          Rule.PATTERN,
          field.name(),
          RecordValidator.excerpt(raw != null ? raw : value.toString())
              + " does not match "
              + field.pattern().pattern());
    }
    if (field.allowedValues() != null && !field.allowedValues().contains(raw)) {
      return new Failure(
          Rule.ALLOWED_VALUES,
          field.name(),
          RecordValidator.excerpt(raw) + " is not one of " + field.allowedValues());
    }
    if (field.min() != null && ((Number) value).doubleValue() < field.min()) {
      return new Failure(Rule.MIN, field.name(), value + " is less than " + field.min());
    }
    if (field.max() != null && ((Number) value).doubleValue() > field.max()) {
      return new Failure(Rule.MAX, field.name(), value + " is greater than " + field.max());
    }
    return null;
  }
}
