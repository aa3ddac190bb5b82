package io.streampipe.operator.schema;

import com.datastax.oss.driver.api.core.CqlSession;
import io.streampipe.provisioning.CassandraConnection;
import io.streampipe.provisioning.CassandraSchemaProvisioner;
import io.streampipe.provisioning.CassandraSessions;
import io.streampipe.provisioning.CqlSchemaProvisioner;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Production provisioners: one driver session per distinct cluster and credentials, kept open. */
public final class CqlProvisioners implements SchemaProvisioners {
  private final Map<CassandraConnection, CqlSession> sessions = new ConcurrentHashMap<>();

  @Override
  public CassandraSchemaProvisioner forConnection(CassandraConnection connection) {
    // A failed connect throws and leaves nothing cached, so the next reconcile retries.
    return new CqlSchemaProvisioner(sessions.computeIfAbsent(connection, CassandraSessions::open));
  }

  @Override
  public void close() {
    sessions.values().forEach(CqlSession::close);
    sessions.clear();
  }
}
