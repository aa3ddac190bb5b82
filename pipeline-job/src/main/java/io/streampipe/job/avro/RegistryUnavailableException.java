package io.streampipe.job.avro;

/**
 * The registry could not answer for a schema id: the batch stops with this error (and is retried by
 * Spark) instead of dead-lettering records that may be good.
 */
public final class RegistryUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RegistryUnavailableException(String url, long id, String why, Throwable cause) {
    super("schema registry " + url + " did not answer for schema id " + id + ": " + why, cause);
  }
}
