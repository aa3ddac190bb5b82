package io.streampipe.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.operator.desired.ResolvedPipeline;
import io.streampipe.operator.schema.CassandraCredentials;
import io.streampipe.operator.status.Reason;
import io.streampipe.provisioning.registry.PipelineSubject;
import io.streampipe.provisioning.registry.RegistryLogin;
import io.streampipe.provisioning.registry.RegistryUnavailableException;
import io.streampipe.provisioning.registry.SubjectChange;
import io.streampipe.provisioning.registry.SubjectRegistrar;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before an Avro pipeline's new spec is applied, asks its registry whether the schema the spec
 * derives may become the subject's next version, and registers it (BACKWARD on a new subject). A
 * schema the registry refuses, or a registry that does not answer, holds the change like a refused
 * one: nothing is applied and the running pipeline is untouched.
 */
public final class RegistryGate {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryGate.class);

  /** Why the change is held, as the Ready condition's reason and message. */
  public record Hold(Reason reason, String message) {}

  private final BiFunction<String, RegistryLogin, SubjectRegistrar> registrars;

  public RegistryGate() {
    this(SubjectRegistrar::connect);
  }

  public RegistryGate(BiFunction<String, RegistryLogin, SubjectRegistrar> registrars) {
    this.registrars = registrars;
  }

  /**
   * @param lastApplied the document the job's ConfigMap holds; when it derives the same subject,
   *     registry and schema, the schema was registered when it was applied and the registry is not
   *     asked again
   * @param client read only for a pipeline that names a registry Secret
   */
  public Optional<Hold> check(
      ResolvedPipeline pipeline, Optional<String> lastApplied, Supplier<KubernetesClient> client) {
    Optional<PipelineSubject> subject = PipelineSubject.of(pipeline.spec());
    if (subject.isEmpty() || subject.equals(applied(lastApplied))) {
      return Optional.empty();
    }
    String secret = subject.get().credentialsSecret();
    // The same Secret layout as Cassandra's (keys username and password), passed to the job too.
    Optional<CassandraCredentials> credentials =
        Optional.ofNullable(secret)
            .flatMap(s -> CassandraCredentials.read(client.get(), pipeline.namespace(), s));
    if (secret != null && credentials.isEmpty()) {
      return Optional.of(
          new Hold(
              Reason.CredentialsMissing,
              "registry Secret " + secret + " with keys username and password not found"));
    }
    SubjectRegistrar registrar =
        registrars.apply(
            subject.get().url(),
            credentials.map(c -> new RegistryLogin(c.username(), c.password())).orElse(null));
    try {
      SubjectChange change = registrar.plan(subject.get());
      if (change.isRefused()) {
        return Optional.of(
            new Hold(
                Reason.SchemaIncompatible,
                "schema change refused, nothing applied: "
                    + change.line()
                    + "; make the field optional"
                    + " or register under a new subject"));
      }
      registrar.apply(change);
      return Optional.empty();
    } catch (RegistryUnavailableException e) {
      LOG.warn("pipeline={}/{} registry_unreachable", pipeline.namespace(), pipeline.name());
      return Optional.of(
          new Hold(Reason.RegistryUnreachable, e.getMessage() + "; nothing applied"));
    }
  }

  private static Optional<PipelineSubject> applied(Optional<String> lastApplied) {
    return lastApplied
        .flatMap(ChangeGate::readable)
        .map(ValidPipeline::spec)
        .flatMap(PipelineSubject::of);
  }
}
