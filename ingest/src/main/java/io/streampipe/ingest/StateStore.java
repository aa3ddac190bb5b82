package io.streampipe.ingest;

/** Keeps the one {@link IngestState} of a pipeline where it survives a restart. */
interface StateStore {
  IngestState load();

  /** Saves the state; call only once the records it covers are acknowledged. */
  void save(IngestState state);
}
