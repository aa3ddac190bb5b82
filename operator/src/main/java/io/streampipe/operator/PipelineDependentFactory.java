package io.streampipe.operator;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.javaoperatorsdk.operator.api.config.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.config.dependent.DependentResourceSpec;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResourceFactory;
import io.streampipe.operator.dependent.AdminTopicsDependent;
import io.streampipe.operator.dependent.CassandraSchemaDependent;
import io.streampipe.operator.dependent.KafkaTopicDependent;
import io.streampipe.operator.schema.SchemaOutcome;
import io.streampipe.operator.schema.SchemaService;
import io.streampipe.operator.topics.TopicService;
import io.streampipe.operator.topics.TopicsOutcome;

/** Builds the dependents that need the operator's runtime (topic API version, schema service). */
@SuppressWarnings({"rawtypes", "unchecked"})
public class PipelineDependentFactory implements DependentResourceFactory {
  private final String topicVersion;
  private final SchemaService schemas;
  private final TopicService topics;

  public PipelineDependentFactory(String topicVersion, SchemaService schemas, TopicService topics) {
    this.topicVersion = topicVersion;
    this.schemas = schemas;
    this.topics = topics;
  }

  @Override
  public DependentResource createFrom(
      DependentResourceSpec spec, ControllerConfiguration configuration) {
    Class<?> type = spec.getDependentResourceClass();
    if (type == KafkaTopicDependent.class) {
      KafkaTopicDependent topics = new KafkaTopicDependent(topicVersion);
      topics.setName(spec.getName());
      configure(topics, spec, configuration);
      return topics;
    }
    if (type == CassandraSchemaDependent.class) {
      return new CassandraSchemaDependent(schemas);
    }
    if (type == AdminTopicsDependent.class) {
      return new AdminTopicsDependent(topics);
    }
    return DependentResourceFactory.DEFAULT.createFrom(spec, configuration);
  }

  /** JOSDK would instantiate the dependent to learn this, which needs a no-arg constructor. */
  @Override
  public Class<?> associatedResourceType(DependentResourceSpec spec) {
    Class<?> type = spec.getDependentResourceClass();
    if (type == KafkaTopicDependent.class) {
      return GenericKubernetesResource.class;
    }
    if (type == CassandraSchemaDependent.class) {
      return SchemaOutcome.class;
    }
    if (type == AdminTopicsDependent.class) {
      return TopicsOutcome.class;
    }
    return DependentResourceFactory.DEFAULT.associatedResourceType(spec);
  }
}
