package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import lombok.Getter;
import lombok.Setter;

/** A Cassandra cluster, keyspace and table. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Getter
@Setter
public class CassandraSinkSpec {

  @JsonPropertyDescription(
      "Contact points as host or host:port (port 9042 when omitted). Default: the operator's"
          + " configured Cassandra.")
  private List<String> contactPoints;

  @JsonPropertyDescription("The driver's local datacenter (default datacenter1).")
  private String localDatacenter;

  @JsonPropertyDescription(
      "Name of a Secret in the pipeline's namespace with keys username and password.")
  private String credentialsSecret;

  @Required
  @JsonPropertyDescription("The keyspace holding the table; created when absent.")
  private KeyspaceSpec keyspace;

  @Required
  @JsonPropertyDescription("The table name: a letter, then letters, digits or _, at most 48.")
  @Size(max = 48)
  @ValidationRule(
      value = "self == oldSelf",
      message = "table is immutable: create a new pipeline for another table")
  private String table;

  @JsonPropertyDescription(
      "How long a row lives, as a duration like 20m, 12h or 7d; absent or 0 keeps rows forever.")
  private String ttl;

  @JsonPropertyDescription(
      "How the job groups rows into Cassandra requests: small UNLOGGED batches of rows owned by"
          + " the same nodes. Lower the limits if your nodes warn about batch sizes.")
  private WriteBatchSpec writeBatch;

  @JsonPropertyDescription(
      "How long the job retries a failed write (Cassandra down, overloaded or timing out), with"
          + " exponential back-off, before it fails the task, as a duration like 30s or 2m"
          + " (default 2m; 0 fails at the first error; at most 1h).")
  private String writeRetryTimeout;
}
