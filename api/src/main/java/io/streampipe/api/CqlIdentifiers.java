package io.streampipe.api;

import java.util.regex.Pattern;

/** The one rule for names that reach CQL: checked before any statement is built. */
public final class CqlIdentifiers {
  /** A letter, then up to 47 letters, digits or underscores: Cassandra's own limit is 48. */
  public static final Pattern VALID = Pattern.compile("^[a-zA-Z][a-zA-Z0-9_]{0,47}$");

  public static final String RULE =
      "must start with a letter and contain only letters, digits or _ (at most 48 characters)";

  private CqlIdentifiers() {}

  public static boolean isValid(String name) {
    return name != null && VALID.matcher(name).matches();
  }

  /**
   * The name as a quoted CQL identifier, which keeps its case and allows reserved words. Refuses
   * anything outside {@link #VALID}, so no caller can smuggle a quote into a statement.
   */
  public static String quote(String name) {
    if (!isValid(name)) {
      throw new IllegalArgumentException("refusing CQL identifier '" + name + "': " + RULE);
    }
    return '"' + name + '"';
  }
}
