package io.streampipe.job.validate;

import java.util.List;

/** What the validator makes of one record: its typed values, or the reasons it is refused. */
public sealed interface Validated {

  /**
   * A record that passed every rule.
   *
   * @param values one per declared field, in declaration order, in their wire form (see {@link
   *     FieldCodec}); null where the record has no value
   */
  record Valid(Object[] values) implements Validated {}

  /** A refused record with every failure found, in field declaration order. */
  record Rejection(List<Failure> failures) implements Validated {
    public Rejection {
      if (failures.isEmpty()) {
        throw new IllegalArgumentException("a rejection needs at least one failure");
      }
      failures = List.copyOf(failures);
    }

    public static Rejection of(Rule rule, String field, String message) {
      return new Rejection(List.of(new Failure(rule, field, message)));
    }

    public Failure first() {
      return failures.get(0);
    }
  }
}
