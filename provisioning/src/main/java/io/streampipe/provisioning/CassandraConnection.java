package io.streampipe.provisioning;

import io.streampipe.api.HostPort;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * How to reach a Cassandra cluster: contact points, local datacenter, optional credentials and a
 * request timeout. {@link #toString()} never shows the password.
 *
 * @param username null when the cluster needs no authentication
 * @param password null exactly when {@code username} is
 * @param requestTimeout per request; DDL waits for the coordinator, so keep it generous
 */
public record CassandraConnection(
    List<HostPort> contactPoints,
    String localDatacenter,
    String username,
    String password,
    Duration requestTimeout) {

  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(20);

  public CassandraConnection {
    contactPoints = List.copyOf(contactPoints);
    if (contactPoints.isEmpty()) {
      throw new IllegalArgumentException("at least one Cassandra contact point is needed");
    }
    if (localDatacenter == null || localDatacenter.isBlank()) {
      throw new IllegalArgumentException("the local datacenter is needed");
    }
    if ((username == null) != (password == null)) {
      throw new IllegalArgumentException("give both a username and a password, or neither");
    }
    Objects.requireNonNull(requestTimeout, "requestTimeout");
  }

  /** A connection without credentials; contact points are {@code host} or {@code host:port}. */
  public static CassandraConnection of(Collection<String> contactPoints, String localDatacenter) {
    List<HostPort> parsed =
        contactPoints.stream().map(c -> HostPort.require(c, HostPort.CQL_PORT)).toList();
    return new CassandraConnection(parsed, localDatacenter, null, null, DEFAULT_REQUEST_TIMEOUT);
  }

  public CassandraConnection withCredentials(String username, String password) {
    return new CassandraConnection(
        contactPoints, localDatacenter, username, password, requestTimeout);
  }

  public CassandraConnection withRequestTimeout(Duration timeout) {
    return new CassandraConnection(contactPoints, localDatacenter, username, password, timeout);
  }

  @Override
  public String toString() {
    return "CassandraConnection[contactPoints="
        + contactPoints
        + ", localDatacenter="
        + localDatacenter
        + ", username="
        + (username == null ? "<none>" : username)
        + ", password="
        + (password == null ? "<none>" : "****")
        + ", requestTimeout="
        + requestTimeout
        + "]";
  }
}
