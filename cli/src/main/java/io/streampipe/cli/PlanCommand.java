package io.streampipe.cli;

import io.streampipe.api.InvalidDocumentException;
import io.streampipe.api.PipelineDocuments;
import io.streampipe.api.change.ChangeClassifier;
import io.streampipe.api.cql.TableDefinition;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.provisioning.CassandraSessions;
import io.streampipe.provisioning.ChangePlan;
import io.streampipe.provisioning.CqlSchemaProvisioner;
import io.streampipe.provisioning.KafkaTopicProvisioner;
import io.streampipe.provisioning.PipelineConnections;
import io.streampipe.provisioning.SchemaState;
import io.streampipe.provisioning.TopicDefinition;
import io.streampipe.provisioning.registry.PipelineSubject;
import io.streampipe.provisioning.registry.RegistryUnavailableException;
import io.streampipe.provisioning.registry.SubjectChange;
import io.streampipe.provisioning.registry.SubjectRegistrar;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Says what applying a pipeline would do, before anything is applied. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Print the class of a change (NONE, IN_PLACE, CHECKPOINT_BREAKING, REFUSED) and what it"
          + " would do to the topics, the table, an Avro pipeline's registry subject and the job.",
      "Exit 0: nothing or in place; 2: checkpoint-breaking; 1: refused or invalid."
    })
final class PlanCommand implements Callable<Integer> {
  static final int CHECKPOINT_BREAKING = 2;

  @Spec picocli.CommandLine.Model.CommandSpec command;

  @Mixin PipelineFile file;

  @ArgGroup(multiplicity = "1")
  Base base;

  @Mixin ConnectionOptions connections;

  /** What the new file is compared with. */
  static final class Base {
    @Option(names = "--against", description = "The pipeline file applied now.")
    Path against;

    @Option(
        names = "--live",
        description =
            "The topics and table on the given Kafka and Cassandra, the subject in the registry.")
    boolean live;
  }

  @Override
  public Integer call() {
    ChangePlan plan;
    try {
      ValidPipeline next = Pipelines.validated(file.read(), connections);
      plan = base.against != null ? againstFile(next) : live(next);
    } catch (InvalidDocumentException | UserException e) {
      command.commandLine().getErr().println("error: " + e.getMessage());
      return 1;
    }
    plan.lines().forEach(line -> command.commandLine().getOut().println(line));
    return switch (plan.changeClass()) {
      case NONE, IN_PLACE -> 0;
      case CHECKPOINT_BREAKING -> CHECKPOINT_BREAKING;
      case REFUSED -> 1;
    };
  }

  private ChangePlan againstFile(ValidPipeline next) {
    ValidPipeline applied = Pipelines.validated(PipelineDocuments.read(base.against), connections);
    Map<String, TopicDefinition> topics =
        TopicDefinition.forPipeline(applied.spec()).stream()
            .collect(Collectors.toMap(TopicDefinition::name, Function.identity()));
    TableDefinition before = TableDefinition.desired(applied.spec());
    TableDefinition after = TableDefinition.desired(next.spec());
    boolean sameTable =
        before.keyspace().equals(after.keyspace()) && before.table().equals(after.table());
    return ChangePlan.of(
        Optional.of(ChangeClassifier.classify(applied, next)),
        next,
        name -> Optional.ofNullable(topics.get(name)),
        sameTable ? SchemaState.present(before) : SchemaState.tableAbsent(),
        PipelineSubject.of(next.spec())
            .map(s -> SubjectChange.betweenSpecs(PipelineSubject.of(applied.spec()), s)));
  }

  private ChangePlan live(ValidPipeline next) {
    String bootstrap = ConnectionOptions.bootstrapOf(next.spec());
    var cassandra = next.spec().getSink().getCassandra();
    Endpoints.requireReachable("Kafka", bootstrap, 9092);
    Endpoints.requireReachable("Cassandra", String.join(",", cassandra.getContactPoints()), 9042);
    try (KafkaTopicProvisioner kafka = KafkaTopicProvisioner.connect(bootstrap);
        var session =
            CassandraSessions.open(
                Provisioning.cassandra(PipelineConnections.fromSpec(next.spec()).cassandra()))) {
      SchemaState table =
          new CqlSchemaProvisioner(session)
              .observe(cassandra.getKeyspace().getName(), cassandra.getTable());
      return ChangePlan.of(Optional.empty(), next, kafka::describe, table, subject(next));
    }
  }

  /** What the registry would do with an Avro pipeline's schema; nothing is registered. */
  private static Optional<SubjectChange> subject(ValidPipeline next) {
    try {
      return PipelineSubject.of(next.spec())
          .map(s -> SubjectRegistrar.connect(s.url(), Provisioning.registryLogin()).plan(s));
    } catch (RegistryUnavailableException e) {
      throw new UserException(e.getMessage());
    }
  }
}
