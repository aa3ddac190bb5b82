package io.streampipe.operator.status;

/** The reasons conditions carry, CamelCase as Kubernetes conventions ask. */
public enum Reason {
  InvalidSpec,
  SpecValid,
  TopicsReady,
  TopicsPending,
  TopicsEnsured,
  TopicsRefused,
  StrimziNotInstalled,
  KafkaUnreachable,
  SchemaReady,
  SchemaChangeRefused,
  SchemaAgreementPending,
  CassandraUnreachable,
  CredentialsMissing,
  SchemaPending,
  CheckpointBound,
  CheckpointPending,
  CheckpointNotBound,
  CheckpointMissing,
  CheckpointResizing,
  CheckpointResizeRefused,
  JobRunning,
  JobStarting,
  JobFailed,
  JobNotCreated,
  Ready,
  NotReady,
  ReconcileError
}
