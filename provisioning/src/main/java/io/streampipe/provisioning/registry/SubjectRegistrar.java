package io.streampipe.provisioning.registry;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Plans and applies a pipeline's subject change against a live registry. */
public final class SubjectRegistrar {
  /** The level a subject streampipe creates gets: new schemas must read what old ones wrote. */
  public static final String COMPATIBILITY = "BACKWARD";

  private static final Logger LOG = LoggerFactory.getLogger(SubjectRegistrar.class);
  private static final int ATTEMPTS = 3;
  private static final Duration BACKOFF = Duration.ofMillis(500);

  private final SchemaRegistryClient client;

  public SubjectRegistrar(SchemaRegistryClient client) {
    this.client = client;
  }

  /** A registrar for provisioning: a few quick tries, then a clear error. */
  public static SubjectRegistrar connect(String url, RegistryLogin login) {
    return new SubjectRegistrar(SchemaRegistryClient.of(url, login, ATTEMPTS, BACKOFF));
  }

  /**
   * What registering the pipeline's schema would do; reads the registry, changes nothing.
   *
   * @throws RegistryUnavailableException when the registry does not answer
   */
  public SubjectChange plan(PipelineSubject pipeline) {
    String subject = pipeline.subject();
    return SubjectChange.decide(
        subject,
        pipeline.schema(),
        client.latest(subject),
        schema -> client.compatibility(subject, schema));
  }

  /**
   * Registers what the change registers (and sets {@link #COMPATIBILITY} on a new subject); a
   * refused or unchanged change sends nothing.
   *
   * @return the schema's id, or -1 when nothing was registered
   */
  public int apply(SubjectChange change) {
    if (!change.registers()) {
      return -1;
    }
    int id = client.register(change.subject(), change.schema());
    // A subject exists once it has a version: the level can only be set after the first one.
    if (change.action() == SubjectChange.Action.REGISTER) {
      client.setCompatibility(change.subject(), COMPATIBILITY);
    }
    LOG.info("registry subject {}: registered schema id {}", change.subject(), id);
    return id;
  }
}
