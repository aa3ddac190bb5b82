package io.streampipe.api.change;

/** What a spec change does to a running pipeline, from harmless to unacceptable. */
public enum ChangeClass {
  /** Nothing the pipeline uses changed. */
  NONE,
  /** Applied to the running parts; the job restarts gracefully on the same checkpoint. */
  IN_PLACE,
  /** The checkpoint no longer fits: applied only with a new processing.checkpoint.resetToken. */
  CHECKPOINT_BREAKING,
  /** Would corrupt or lose data (table key, column types, fewer partitions): never applied. */
  REFUSED;

  /** The more severe of the two. */
  public ChangeClass max(ChangeClass other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
