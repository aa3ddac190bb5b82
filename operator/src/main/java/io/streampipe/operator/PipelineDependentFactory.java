package io.streampipe.operator;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.javaoperatorsdk.operator.api.config.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.config.dependent.DependentResourceSpec;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResourceFactory;
import io.streampipe.operator.dependent.AbsentKind;
import io.streampipe.operator.dependent.AdminTopicsDependent;
import io.streampipe.operator.dependent.CassandraSchemaDependent;
import io.streampipe.operator.dependent.KafkaTopicDependent;
import io.streampipe.operator.dependent.PodMonitorDependent;
import io.streampipe.operator.schema.SchemaObservation;
import io.streampipe.operator.schema.SchemaService;
import io.streampipe.operator.source.OptionalApis;
import io.streampipe.operator.topics.TopicService;
import io.streampipe.operator.topics.TopicsObservation;

/**
 * Builds the dependents that need the operator's runtime (the optional APIs served, the settings,
 * the schema and topic services).
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public class PipelineDependentFactory implements DependentResourceFactory {
  private final OptionalApis apis;
  private final OperatorConfig config;
  private final SchemaService schemas;
  private final TopicService topics;

  public PipelineDependentFactory(
      OptionalApis apis, OperatorConfig config, SchemaService schemas, TopicService topics) {
    this.apis = apis;
    this.config = config;
    this.schemas = schemas;
    this.topics = topics;
  }

  @Override
  public DependentResource createFrom(
      DependentResourceSpec spec, ControllerConfiguration configuration) {
    Class<?> type = spec.getDependentResourceClass();
    if (type == KafkaTopicDependent.class) {
      if (apis.topicVersion().isEmpty()) {
        return new AbsentKind(KafkaTopicDependent.NAME);
      }
      KafkaTopicDependent topics = new KafkaTopicDependent(apis.topicVersion().get());
      topics.setName(spec.getName());
      configure(topics, spec, configuration);
      return topics;
    }
    if (type == PodMonitorDependent.class && !apis.podMonitors()) {
      return new AbsentKind(PodMonitorDependent.NAME);
    }
    if (type == CassandraSchemaDependent.class) {
      return new CassandraSchemaDependent(schemas, config);
    }
    if (type == AdminTopicsDependent.class) {
      return new AdminTopicsDependent(topics, config);
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
      return SchemaObservation.class;
    }
    if (type == AdminTopicsDependent.class) {
      return TopicsObservation.class;
    }
    return DependentResourceFactory.DEFAULT.associatedResourceType(spec);
  }
}
