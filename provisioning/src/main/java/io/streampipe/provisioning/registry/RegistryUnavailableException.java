package io.streampipe.provisioning.registry;

/**
 * The registry could not answer: the job's batch stops with this error (and is retried by Spark)
 * instead of dead-lettering records that may be good, and provisioning applies nothing.
 */
public final class RegistryUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RegistryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
