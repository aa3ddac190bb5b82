package io.streampipe.api.v1alpha1;

/** What deleting a StreamingPipeline does to the data it owns. */
public enum DeletionPolicy {
  /** Keep topics, table and checkpoint; only the job goes. */
  Retain,
  /** Remove topics, drop the table and delete the checkpoint. */
  Delete
}
