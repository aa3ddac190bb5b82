package io.streampipe.operator;

import io.javaoperatorsdk.operator.api.config.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.config.dependent.DependentResourceSpec;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResourceFactory;
import io.streampipe.operator.dependent.CassandraSchemaDependent;
import io.streampipe.operator.dependent.KafkaTopicDependent;
import io.streampipe.operator.schema.SchemaService;

/** Builds the dependents that need the operator's runtime (topic API version, schema service). */
@SuppressWarnings({"rawtypes", "unchecked"})
public class PipelineDependentFactory implements DependentResourceFactory {
  private final String topicVersion;
  private final SchemaService schemas;

  public PipelineDependentFactory(String topicVersion, SchemaService schemas) {
    this.topicVersion = topicVersion;
    this.schemas = schemas;
  }

  @Override
  public DependentResource createFrom(
      DependentResourceSpec spec, ControllerConfiguration configuration) {
    Class<?> type = spec.getDependentResourceClass();
    if (type == KafkaTopicDependent.class) {
      DependentResource topics = new KafkaTopicDependent(topicVersion);
      configure(topics, spec, configuration);
      return topics;
    }
    if (type == CassandraSchemaDependent.class) {
      return new CassandraSchemaDependent(schemas);
    }
    return DependentResourceFactory.DEFAULT.createFrom(spec, configuration);
  }
}
