package io.streampipe.operator;

import io.streampipe.api.cql.KeyspaceDefinition;
import io.streampipe.api.cql.TableDefinition;
import io.streampipe.provisioning.CassandraSchemaProvisioner;
import io.streampipe.provisioning.ProvisioningException;
import io.streampipe.provisioning.SchemaResult;
import io.streampipe.provisioning.SchemaState;
import java.util.concurrent.atomic.AtomicInteger;

/** A Cassandra cluster that is down: every call fails as the driver's would; drops are counted. */
final class UnreachableCassandra implements CassandraSchemaProvisioner {
  static final String HOST = "cassandra-down.invalid";

  private final AtomicInteger drops = new AtomicInteger();

  int dropAttempts() {
    return drops.get();
  }

  @Override
  public SchemaState observe(String keyspace, String table) {
    throw down();
  }

  @Override
  public SchemaResult ensure(KeyspaceDefinition keyspace, TableDefinition desired) {
    throw down();
  }

  @Override
  public void dropTable(String keyspace, String table) {
    drops.incrementAndGet();
    throw down();
  }

  private static ProvisioningException down() {
    return new ProvisioningException(
        "Could not reach any contact point, make sure you've provided valid addresses ("
            + HOST
            + ":9042)",
        null);
  }
}
