package io.streampipe.provisioning;

/** A Kafka or Cassandra call that failed or did not answer in time. */
public class ProvisioningException extends RuntimeException {
  public ProvisioningException(String message, Throwable cause) {
    super(message, cause);
  }
}
