package io.streampipe.api;

import io.streampipe.api.v1alpha1.StreamingPipelineSpec;

/**
 * A StreamingPipeline as written in a YAML file: its name, namespace and spec.
 *
 * @param name metadata.name
 * @param namespace metadata.namespace, or null when the file leaves it to the context
 * @param spec the spec as written, without defaults
 */
public record PipelineDocument(String name, String namespace, StreamingPipelineSpec spec) {}
