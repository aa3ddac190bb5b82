package io.streampipe.operator;

import java.util.List;

/**
 * The operator with its defaults in a cluster with the Spark operator alone: no Strimzi, no
 * Prometheus Operator, pipelines give bootstrap servers.
 */
abstract class OperatorWithSparkOnly extends OperatorAgainstMockServer {
  @Override
  OperatorConfig config() {
    return OperatorConfig.defaults();
  }

  @Override
  List<String> upstreamCrds() {
    return MockCluster.SPARK_ONLY;
  }
}
