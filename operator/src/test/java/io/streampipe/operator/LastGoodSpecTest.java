package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.streampipe.operator.desired.DesiredConfigMap;
import io.streampipe.operator.desired.ResolvedPipeline;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The last deployed spec is read back from the job's ConfigMap as the operator resolved it. */
class LastGoodSpecTest {

  @Test
  void theDeployedSpecComesBackWithItsStrimziCluster() {
    StreamingPipeline pipeline = TestPipelines.stored(TestPipelines.users("ns", "users"));
    ResolvedPipeline deployed =
        OperatorChecks.check(pipeline, OperatorConfig.defaults(), Optional.empty())
            .resolved()
            .orElseThrow();
    ConfigMap map = DesiredConfigMap.build(deployed);

    pipeline.getSpec().getSink().getCassandra().setTtl("forever");
    ResolvedPipeline back =
        LastGoodSpec.of(pipeline, Optional.of(map), OperatorConfig.defaults()).orElseThrow();

    assertThat(back.kafkaCluster()).contains("events");
    assertThat(back.bootstrapServers()).isEqualTo(deployed.bootstrapServers());
    assertThat(back.spec().getSink().getCassandra().getTtl())
        .isEqualTo(deployed.spec().getSink().getCassandra().getTtl());
    assertThat(back.uid()).isEqualTo(pipeline.getMetadata().getUid());
  }

  @Test
  void nothingDeployedOrUnreadableIsNothing() {
    StreamingPipeline pipeline = TestPipelines.users("ns", "users");
    assertThat(LastGoodSpec.of(pipeline, Optional.empty(), OperatorConfig.defaults())).isEmpty();
    ConfigMap garbage = new ConfigMap();
    garbage.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
    garbage.setData(java.util.Map.of("pipeline.yaml", "kind: Other"));
    assertThat(LastGoodSpec.of(pipeline, Optional.of(garbage), OperatorConfig.defaults()))
        .isEmpty();
  }
}
