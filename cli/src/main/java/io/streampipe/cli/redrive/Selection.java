package io.streampipe.cli.redrive;

import java.time.Instant;

/**
 * Which dead letters to re-drive.
 *
 * @param rule a rule label (e.g. allowed_values) the letter broke, or null for any
 * @param since dead-lettered at or after, or null
 * @param until dead-lettered before, or null
 */
public record Selection(String rule, Instant since, Instant until) {

  public boolean test(DeadLetter letter) {
    return (rule == null || letter.rules().contains(rule))
        && (since == null || !letter.deadLetteredAt().isBefore(since))
        && (until == null || letter.deadLetteredAt().isBefore(until));
  }
}
