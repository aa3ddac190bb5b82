package io.streampipe.cli;

import io.streampipe.api.validation.ValidPipeline;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** Creates or safely evolves a pipeline's topics and table, then exits. */
@Command(
    name = "provision",
    mixinStandardHelpOptions = true,
    description = {
      "Create the pipeline's topics and Cassandra table, or evolve them safely (new columns, TTL).",
      "Unsafe changes (primary key, column types, dropped columns) are refused and nothing is applied.",
      "Avro: registers the schema under its subject (BACKWARD); an incompatible one is refused first.",
      "Credentials: STREAMPIPE_CASSANDRA_USERNAME and STREAMPIPE_CASSANDRA_PASSWORD;"
          + " STREAMPIPE_REGISTRY_USERNAME and STREAMPIPE_REGISTRY_PASSWORD for the registry."
    })
final class ProvisionCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec command;

  @Mixin PipelineFile file;

  @Mixin ConnectionOptions connections;

  @Override
  public Integer call() {
    ValidPipeline pipeline = Pipelines.validated(file.read(), connections);
    Provisioning.provision(pipeline, command.commandLine().getOut());
    return 0;
  }
}
