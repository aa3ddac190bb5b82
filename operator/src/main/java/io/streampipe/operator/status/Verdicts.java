package io.streampipe.operator.status;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.streampipe.operator.schema.SchemaOutcome;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Turns each observed part of a pipeline into its condition's verdict. */
final class Verdicts {
  private Verdicts() {}

  static Verdict topics(Observation o) {
    if (!o.topicsManaged()) {
      return Verdict.ok(Reason.TopicsUnmanaged, "no Strimzi cluster: topics are managed outside");
    }
    List<GenericKubernetesResource> notReady =
        o.topics().stream().filter(t -> !TopicReadiness.isReady(t)).toList();
    if (o.topics().size() < o.desiredTopics()) {
      return Verdict.notOk(Reason.TopicsPending, "waiting for the KafkaTopics to be created");
    }
    if (!notReady.isEmpty()) {
      GenericKubernetesResource first = notReady.get(0);
      String why = TopicReadiness.problem(first).map(p -> ": " + p).orElse("");
      return Verdict.notOk(
          Reason.TopicsPending,
          "KafkaTopic " + first.getMetadata().getName() + " is not ready yet" + why);
    }
    return Verdict.ok(Reason.TopicsReady, o.topics().size() + " topic(s) ready");
  }

  static Verdict schema(Observation o) {
    if (o.schema().isEmpty()) {
      return Verdict.notOk(Reason.SchemaPending, "the schema has not been reconciled yet");
    }
    SchemaOutcome schema = o.schema().get();
    String details = String.join("; ", schema.details());
    return switch (schema.state()) {
      case READY -> Verdict.ok(Reason.SchemaReady, "table " + schema.table() + " matches the spec");
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

  static Verdict checkpoint(Observation o) {
    if (o.checkpoint().isEmpty()) {
      return Verdict.notOk(Reason.CheckpointMissing, "the checkpoint claim does not exist yet");
    }
    var status = o.checkpoint().get().getStatus();
    String phase = status == null || status.getPhase() == null ? "Pending" : status.getPhase();
    if ("Lost".equals(phase)) {
      return Verdict.notOk(Reason.CheckpointPending, "the checkpoint volume is lost");
    }
    // A claim of a WaitForFirstConsumer class binds only once the driver is scheduled.
    return "Bound".equals(phase)
        ? Verdict.ok(Reason.CheckpointBound, "checkpoint volume bound")
        : Verdict.ok(Reason.CheckpointPending, "checkpoint claim created, binds with the driver");
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
