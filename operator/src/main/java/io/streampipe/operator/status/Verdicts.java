package io.streampipe.operator.status;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.streampipe.operator.schema.SchemaOutcome;
import io.streampipe.operator.topics.TopicsOutcome;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Turns each observed part of a pipeline into its condition's verdict. */
final class Verdicts {
  private Verdicts() {}

  static Verdict topics(Observation o) {
    // No KafkaTopics wanted means no Strimzi cluster: the operator ensures the topics itself.
    if (o.desiredTopics() == 0) {
      return adminTopics(o);
    }
    if (!o.strimziInstalled()) {
      return Verdict.notOk(
          Reason.StrimziNotInstalled,
          "the pipeline's topics belong to a Strimzi Kafka cluster, but Strimzi is not installed"
              + " (no kafkatopics.kafka.strimzi.io CRD when the operator started): give"
              + " source.bootstrapServers instead, or install Strimzi and restart the operator");
    }
    // One message while Strimzi works, whichever topic it finishes first: every changed message
    // is a status write, and a thousand pipelines starting would pay it several times each.
    Verdict pending =
        Verdict.notOk(
            Reason.TopicsPending,
            "waiting for Strimzi to create the KafkaTopics and report them Ready");
    if (o.topics().size() < o.desiredTopics()) {
      return pending;
    }
    for (GenericKubernetesResource topic : o.topics()) {
      var problem = TopicReadiness.problem(topic).filter(p -> !p.isBlank());
      if (problem.isPresent()) {
        return Verdict.notOk(
            Reason.TopicsPending,
            "KafkaTopic " + topic.getMetadata().getName() + " is not ready: " + problem.get());
      }
    }
    if (o.topics().stream().anyMatch(t -> !TopicReadiness.isReady(t))) {
      return pending;
    }
    return Verdict.ok(Reason.TopicsReady, o.topics().size() + " topic(s) ready");
  }

  /** No Strimzi cluster: the operator ensured the topics itself over the Kafka Admin API. */
  private static Verdict adminTopics(Observation o) {
    if (o.adminTopics().isEmpty()) {
      return Verdict.notOk(Reason.TopicsPending, "the topics have not been reconciled yet");
    }
    TopicsOutcome topics = o.adminTopics().get();
    String where = " over the Kafka Admin API at " + topics.servers() + " (no Strimzi cluster)";
    String details = String.join("; ", topics.details());
    return switch (topics.state()) {
      case READY ->
          Verdict.ok(Reason.TopicsEnsured, String.join(", ", topics.topics()) + " ensured" + where);
      case PENDING ->
          Verdict.notOk(
              Reason.TopicsPending,
              String.join(", ", topics.topics()) + " not ensured yet" + where);
      case REFUSED ->
          Verdict.notOk(
              Reason.TopicsRefused, "unsafe topic change refused" + where + ": " + details);
      case UNREACHABLE ->
          Verdict.notOk(
              Reason.KafkaUnreachable, "Kafka cannot be reached" + where + ": " + details);
    };
  }

  static Verdict schema(Observation o) {
    if (o.schema().isEmpty()) {
      return Verdict.notOk(Reason.SchemaPending, "the schema has not been reconciled yet");
    }
    SchemaOutcome schema = o.schema().get();
    String details = String.join("; ", schema.details());
    return switch (schema.state()) {
      case READY -> Verdict.ok(Reason.SchemaReady, "table " + schema.table() + " matches the spec");
      case PENDING ->
          Verdict.notOk(
              Reason.SchemaPending, "table " + schema.table() + " does not match the spec yet");
      case REFUSED ->
          Verdict.notOk(
              Reason.SchemaChangeRefused,
              "unsafe change to " + schema.table() + " refused: " + details);
      case AWAITING_AGREEMENT ->
          Verdict.notOk(
              Reason.SchemaAgreementPending,
              "waiting for the Cassandra nodes to agree on the schema");
      case CREDENTIALS_MISSING -> Verdict.notOk(Reason.CredentialsMissing, details);
      case UNREACHABLE ->
          Verdict.notOk(Reason.CassandraUnreachable, "Cassandra cannot be reached: " + details);
    };
  }

  static Verdict checkpoint(CheckpointObservation o, Instant now) {
    if (o.claim().isEmpty()) {
      return Verdict.notOk(Reason.CheckpointMissing, "the checkpoint claim does not exist yet");
    }
    PersistentVolumeClaim claim = o.claim().get();
    Optional<Verdict> resize = CheckpointResizeVerdict.of(claim, o.resize());
    if (resize.isPresent()) {
      return resize.get();
    }
    String phase = ClaimBinding.phase(claim);
    if ("Lost".equals(phase)) {
      return Verdict.notOk(Reason.CheckpointPending, "the checkpoint volume is lost");
    }
    if ("Bound".equals(phase)) {
      return Verdict.ok(Reason.CheckpointBound, "checkpoint volume bound");
    }
    // A claim of a WaitForFirstConsumer class binds only once the driver is scheduled.
    if (!ClaimBinding.overdue(claim, o.bindGrace(), now)) {
      return Verdict.ok(
          Reason.CheckpointPending, "checkpoint claim created, binds with the driver");
    }
    String why = o.events().isEmpty() ? "no events recorded for it" : String.join("; ", o.events());
    return Verdict.notOk(
        Reason.CheckpointNotBound,
        "the checkpoint claim is still "
            + phase
            + " "
            + o.bindGrace().toSeconds()
            + " s after it was created: "
            + why);
  }

  static Verdict job(Observation o) {
    if (o.job().isEmpty()) {
      return Verdict.notOk(Reason.JobNotCreated, "the SparkApplication is not created yet");
    }
    String state = jobState(o.job().get());
    return switch (state) {
      case "RUNNING" -> Verdict.ok(Reason.JobRunning, "the Spark job is running");
      case "FAILED", "SUBMISSION_FAILED", "FAILING" ->
          Verdict.notOk(Reason.JobFailed, "the Spark job failed: " + jobError(o.job().get()));
      default -> Verdict.notOk(Reason.JobStarting, "the Spark job is " + state);
    };
  }

  @SuppressWarnings("unchecked")
  static String jobState(GenericKubernetesResource job) {
    Object status = job.getAdditionalProperties().get("status");
    if (status instanceof Map<?, ?> map && map.get("applicationState") instanceof Map<?, ?> app) {
      return Objects.toString(((Map<String, Object>) app).get("state"), "PENDING");
    }
    return "PENDING";
  }

  @SuppressWarnings("unchecked")
  private static String jobError(GenericKubernetesResource job) {
    Map<String, Object> status = (Map<String, Object>) job.getAdditionalProperties().get("status");
    Map<String, Object> app = (Map<String, Object>) status.get("applicationState");
    return Objects.toString(app.get("errorMessage"), "no message");
  }
}
