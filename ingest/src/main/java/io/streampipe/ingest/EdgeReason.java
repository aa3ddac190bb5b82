package io.streampipe.ingest;

/** Why a body or an element could not become a record; the dead letter's rule. */
public enum EdgeReason {
  NOT_JSON("ingest_not_json"),
  TOO_LARGE("ingest_too_large"),
  MISSING_KEY("ingest_missing_key"),
  NO_RECORDS("ingest_no_records");

  private final String label;

  EdgeReason(String label) {
    this.label = label;
  }

  /** The label in metrics and in the dead letter's {@code rule} and {@code reason}. */
  public String label() {
    return label;
  }
}
