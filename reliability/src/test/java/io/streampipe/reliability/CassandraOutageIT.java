package io.streampipe.reliability;

import io.streampipe.job.ItStack;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 2: Cassandra's process is killed and restarted on its data directory. The job's writer
 * retries through it (sink.cassandra.writeRetryTimeout, 2 minutes by default), so the job neither
 * fails nor re-sends a dead letter, and no row is lost.
 */
class CassandraOutageIT {
  @TempDir Path dir;

  @Test
  void anOutageIsRiddenOutWithoutARestartOrALostRow() throws Exception {
    ServerOutage.run(
        new Stage("cassandra-down", dir),
        ItStack.stack().cassandra(),
        "2. Cassandra killed",
        true,
        // The test's own session reconnects on the driver's default schedule, up to a minute.
        () -> Stage.awaitCql(Duration.ofMinutes(2)));
  }
}
