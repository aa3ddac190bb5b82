package io.streampipe.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.streampipe.operator.OperatorConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadershipTest {
  private final OperatorConfig config =
      OperatorConfig.fromEnv(
          Map.of(
              "STREAMPIPE_LEADER_ELECTION_ENABLED", "true",
              "STREAMPIPE_LEADER_ELECTION_LEASE_NAME", "streampipe",
              "POD_NAMESPACE", "ops"));
  private final List<Integer> exits = new ArrayList<>();
  private final Leadership leadership = new Leadership(config, exits::add);

  @Test
  void losingTheLeaseWhileRunningEndsTheProcess() {
    leadership.stoppedLeading();

    assertThat(exits).containsExactly(1);
  }

  @Test
  void givingUpTheLeaseWhileStoppingDoesNotExit() {
    leadership.stopping();
    leadership.stoppedLeading();

    assertThat(exits).isEmpty();
  }

  @Test
  void josdksExitIsOffAndOursRunsOnStopLeading() {
    LeaderElectionConfiguration election = leadership.configuration();

    assertThat(election.isExitOnStopLeading())
        .as("JOSDK's System.exit inside Operator.stop() would block a shutdown hook forever")
        .isFalse();
    assertThat(election.getLeaseName()).isEqualTo("streampipe");
    assertThat(election.getLeaseNamespace()).contains("ops");
    election.getLeaderCallbacks().orElseThrow().onStopLeading();
    assertThat(exits).containsExactly(1);
  }
}
