package io.streampipe.ingest;

/**
 * Where a source resumes after a restart: the HTTP cursor and the last SSE event id (either may be
 * null).
 */
record IngestState(String cursor, String lastEventId) {
  static final IngestState EMPTY = new IngestState(null, null);

  IngestState withCursor(String value) {
    return new IngestState(value, lastEventId);
  }

  IngestState withLastEventId(String value) {
    return new IngestState(cursor, value);
  }
}
