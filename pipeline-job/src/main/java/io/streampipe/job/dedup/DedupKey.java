package io.streampipe.job.dedup;

/**
 * The identity of a record for deduplication. One key field is its text; several are each prefixed
 * by their length, so no value (whatever characters it holds) can make two keys collide.
 */
public final class DedupKey {
  private static final String NULL = "\u0001null";

  private DedupKey() {}

  /**
   * The key as a map key: one key field is its value itself (no text to build and hash), several
   * are the text of {@link #of}.
   */
  public static Object identity(Object[] values, int[] keyIndexes) {
    if (keyIndexes.length == 1) {
      Object value = values[keyIndexes[0]];
      return value == null ? NULL : value;
    }
    return of(values, keyIndexes);
  }

  public static String of(Object[] values, int[] keyIndexes) {
    if (keyIndexes.length == 1) {
      return text(values[keyIndexes[0]]);
    }
    StringBuilder key = new StringBuilder(64);
    for (int index : keyIndexes) {
      Object value = values[index];
      if (value == null) {
        key.append('~');
      } else {
        String text = value.toString();
        key.append(text.length()).append(':').append(text);
      }
    }
    return key.toString();
  }

  private static String text(Object value) {
    return value == null ? NULL : value.toString();
  }
}
