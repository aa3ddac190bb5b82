package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.streampipe.api.v1alpha1.DeletionPolicy;
import io.streampipe.api.v1alpha1.SparkResources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Reliability scenario 5: the operator, in its own JVM against a mock API server that outlives it,
 * is killed -9 at seeded random moments while 20 pipelines are created, updated twice and some
 * deleted, and started again each time. Afterwards it converges: every pipeline's parts exist once
 * with the latest spec, a deleted pipeline leaves no part that garbage collection would not take,
 * and no Ready status changes any more. Their Cassandra login is in a Secret whose password none of
 * the operator's output holds (scenario 8).
 */
@EnableKubernetesMockClient(crud = true, https = false)
class OperatorKillsIT {
  static final String NS = "kills";
  static final int PIPELINES = 20;
  static final int DELETED = 3;
  static final int KILLS = Integer.getInteger("reliability.operatorKills", 5);
  static final long SEED = Long.getLong("reliability.seed", System.nanoTime());
  static final Duration QUIET = Duration.ofSeconds(10);

  static KubernetesClient client;

  private final Map<String, String> uids = new HashMap<>();

  @Test
  void convergesAfterKillsMidReconcileWithEveryPartOnceAndNoOrphan() throws Exception {
    System.out.println("OperatorKillsIT seed " + SEED + ", kills " + KILLS);
    Random random = new Random(SEED);
    MockCluster cluster = new MockCluster(client).loadCrds();
    SecretLeaks.createSecret(client, NS);
    int[] killAt = random.ints(KILLS, 0, Workload.STEPS).sorted().toArray();
    try (PlayedJob jobs = cluster.jobs();
        OtherOperators others = new OtherOperators(cluster, NS);
        ReadyTransitions transitions = new ReadyTransitions(client, NS)) {
      OperatorRuns runs = new OperatorRuns(client.getConfiguration().getMasterUrl(), NS, jobs);
      runs.start();
      int kill = 0;
      for (int step = 0; step < Workload.STEPS; step++) {
        Workload.step(step, this::create, this::scale, this::delete);
        while (kill < killAt.length && killAt[kill] == step) {
          runs.killMidReconcile(random);
          kill++;
        }
        Thread.sleep(random.nextInt(150));
      }
      long converged = runs.awaitConverged(this::converged, Duration.ofMinutes(3));
      long quietFrom = System.nanoTime();
      Thread.sleep(QUIET.toMillis());
      long flaps = transitions.since(quietFrom).size();
      long duplicates = 0;
      long orphans = 0;
      for (int i = 0; i < PIPELINES; i++) {
        var parts = PipelineParts.of(client, NS, name(i));
        if (Workload.deleted(i)) {
          orphans += PipelineParts.orphans(parts, uids.get(name(i)));
        } else {
          duplicates += Math.max(0, parts.size() - PipelineParts.OF_A_USERS_PIPELINE);
        }
      }
      runs.stop();
      SecretLeaks.assertNoPasswordIn(SecretLeaks.outputs(client, NS, runs.logs()));
      OperatorKillsFigures.write(
          PIPELINES,
          DELETED,
          KILLS,
          converged,
          orphans,
          duplicates,
          transitions.all().size(),
          flaps);

      assertThat(orphans).as("parts of deleted pipelines nothing would remove").isZero();
      assertThat(duplicates).as("parts beyond a pipeline's own").isZero();
      assertThat(transitions.since(quietFrom)).as("Ready changes after convergence").isEmpty();
    }
  }

  private void create(int i) {
    StreamingPipeline pipeline = TestPipelines.users(NS, name(i));
    pipeline.getSpec().getSource().getTopic().setName("kills_" + i);
    pipeline.getSpec().getSink().getCassandra().setTable("kills_" + i);
    pipeline.getSpec().getSink().getCassandra().setCredentialsSecret(SecretLeaks.SECRET);
    // Deleted ones drop their topics and claim through the operator's finalizer, not by GC.
    if (Workload.deleted(i)) {
      pipeline.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    }
    uids.put(name(i), client.resource(pipeline).create().getMetadata().getUid());
  }

  private void scale(int i, int instances) {
    PipelineEdits.editSpec(
        client,
        NS,
        name(i),
        spec -> spec.getProcessing().setExecutor(new SparkResources(instances, 1, "1g")));
  }

  private void delete(int i) {
    client.resources(StreamingPipeline.class).inNamespace(NS).withName(name(i)).delete();
  }

  /**
   * Every kept pipeline Ready at its generation, as production means it (its parts ready, its
   * played job reporting that generation and progressing), its parts at the latest spec; no other.
   */
  private boolean converged() {
    for (int i = 0; i < PIPELINES; i++) {
      StreamingPipeline p =
          client.resources(StreamingPipeline.class).inNamespace(NS).withName(name(i)).get();
      if (Workload.deleted(i)) {
        if (p != null) {
          return false;
        }
        continue;
      }
      if (p == null
          || !MockPipelines.readyAtGeneration(p)
          || PipelineParts.of(client, NS, name(i)).size() < PipelineParts.OF_A_USERS_PIPELINE
          || executors(i) != Workload.LAST_INSTANCES) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private int executors(int i) {
    var app = new MockCluster(client).sparkApplications().inNamespace(NS).withName(name(i)).get();
    Object instances =
        ((Map<String, Object>) MockCluster.spec(app).get("executor")).get("instances");
    return ((Number) instances).intValue();
  }

  static String name(int i) {
    return "p" + i;
  }

  static Path log(int run) {
    return Path.of("target", "operator-kills-" + run + ".log");
  }
}
