package io.streampipe.api.validation;

import io.streampipe.api.CqlIdentifiers;
import io.streampipe.api.Durations;
import io.streampipe.api.HostPort;
import io.streampipe.api.KubernetesNames;
import io.streampipe.api.v1alpha1.CassandraSinkSpec;
import io.streampipe.api.v1alpha1.ReplicationSpec;
import io.streampipe.api.v1alpha1.WriteBatchSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Checks of the Cassandra sink: every name that reaches CQL, replication and TTL. */
final class SinkChecks {
  private SinkChecks() {}

  static void check(CassandraSinkSpec sink, Problems problems) {
    String path = "spec.sink.cassandra";
    List<String> contactPoints = sink.getContactPoints();
    for (int i = 0; i < contactPoints.size(); i++) {
      problems.require(
          contactPoints.get(i),
          c -> HostPort.parse(c, HostPort.CQL_PORT).isPresent(),
          path + ".contactPoints[" + i + "]",
          "must be host or host:port");
    }
    problems.require(
        sink.getLocalDatacenter(),
        d -> !d.isBlank(),
        path + ".localDatacenter",
        "must not be empty");
    problems.whenSet(
        sink.getCredentialsSecret(),
        KubernetesNames::isDnsSubdomain,
        path + ".credentialsSecret",
        "must be the name of a Secret");
    String keyspace = sink.getKeyspace().getName();
    identifier(keyspace, path + ".keyspace.name", problems);
    if (keyspace != null && Limits.SYSTEM_KEYSPACES.contains(keyspace.toLowerCase())) {
      problems.add(path + ".keyspace.name", "'" + keyspace + "' is a Cassandra system keyspace");
    }
    replication(sink.getKeyspace().getReplication(), path + ".keyspace.replication", problems);
    identifier(sink.getTable(), path + ".table", problems);
    problems.require(
        sink.getTtl(),
        t -> Durations.parse(t).filter(SinkChecks::validTtl).isPresent(),
        path + ".ttl",
        "must be 0 or a whole number of seconds up to 20 years, written like 20m, 12h or 7d");
    problems.require(
        sink.getWriteRetryTimeout(),
        t -> Durations.parse(t).filter(SinkChecks::validWriteRetry).isPresent(),
        path + ".writeRetryTimeout",
        "must be a duration from 0 to 1h, written like 30s or 2m");
    WriteBatchSpec batch = sink.getWriteBatch();
    problems.require(
        batch.getMaxRows(),
        rows -> rows >= 1 && rows <= Limits.MAX_WRITE_BATCH_ROWS,
        path + ".writeBatch.maxRows",
        "must be between 1 and " + Limits.MAX_WRITE_BATCH_ROWS);
    problems.require(
        batch.getMaxBytes(),
        bytes -> bytes >= 0 && bytes <= Limits.MAX_WRITE_BATCH_BYTES,
        path + ".writeBatch.maxBytes",
        "must be between 0 and " + Limits.MAX_WRITE_BATCH_BYTES);
  }

  private static void identifier(String name, String path, Problems problems) {
    problems.require(name, CqlIdentifiers::isValid, path, "'" + name + "' " + CqlIdentifiers.RULE);
  }

  private static boolean validWriteRetry(Duration timeout) {
    return !timeout.isNegative() && timeout.compareTo(Limits.MAX_WRITE_RETRY) <= 0;
  }

  private static boolean validTtl(Duration ttl) {
    return !ttl.isNegative() && ttl.toMillisPart() == 0 && ttl.compareTo(Limits.MAX_TTL) <= 0;
  }

  private static void replication(ReplicationSpec replication, String path, Problems problems) {
    if (ReplicationSpec.SIMPLE.equals(replication.getStrategy())) {
      problems.require(
          replication.getReplicationFactor(),
          f -> f >= 1 && f <= Limits.MAX_REPLICATION_FACTOR,
          path + ".replicationFactor",
          "must be between 1 and " + Limits.MAX_REPLICATION_FACTOR);
      problems.whenSet(
          replication.getDatacenters(),
          Map::isEmpty,
          path + ".datacenters",
          "applies to NetworkTopologyStrategy only");
      return;
    }
    if (!ReplicationSpec.NETWORK_TOPOLOGY.equals(replication.getStrategy())) {
      problems.add(path + ".strategy", "must be SimpleStrategy or NetworkTopologyStrategy");
      return;
    }
    if (replication.getDatacenters().isEmpty()) {
      problems.add(path + ".datacenters", "name at least one datacenter and its factor");
    }
    replication
        .getDatacenters()
        .forEach(
            (dc, factor) -> {
              problems.require(
                  dc,
                  d -> d.matches("^[A-Za-z0-9_.-]{1,64}$"),
                  path + ".datacenters",
                  "'" + dc + "' is not a datacenter name");
              problems.require(
                  factor,
                  f -> f >= 1 && f <= Limits.MAX_REPLICATION_FACTOR,
                  path + ".datacenters." + dc,
                  "must be between 1 and " + Limits.MAX_REPLICATION_FACTOR);
            });
  }
}
