package io.streampipe.operator.schema;

import io.streampipe.provisioning.CassandraConnection;
import io.streampipe.provisioning.CassandraSchemaProvisioner;

/** Hands out a schema provisioner per Cassandra cluster, reusing its connection. */
public interface SchemaProvisioners extends AutoCloseable {

  CassandraSchemaProvisioner forConnection(CassandraConnection connection);

  @Override
  default void close() {}
}
