package io.streampipe.operator;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import io.streampipe.api.StreamingPipelines;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import io.streampipe.api.v1alpha1.StreamingPipelineStatus;

/** The StreamingPipeline custom resource; its CRD is generated from this class at build time. */
@Group(StreamingPipelines.GROUP)
@Version(StreamingPipelines.VERSION)
@Plural(StreamingPipelines.PLURAL)
@ShortNames({"sp", "spipe"})
@Categories("streampipe")
@AdditionalPrinterColumn(
    name = "Ready",
    type = Type.STRING,
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
// Why not: Suspended, BudgetExceeded, Stalled…
@AdditionalPrinterColumn(
    name = "Reason",
    type = Type.STRING,
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason")
@AdditionalPrinterColumn(name = "Lag", type = Type.INTEGER, jsonPath = ".status.progress.lag")
@AdditionalPrinterColumn(name = "Rate", type = Type.NUMBER, jsonPath = ".status.progress.inputRate")
@AdditionalPrinterColumn(
    name = "Dead letters",
    type = Type.INTEGER,
    jsonPath = ".status.progress.deadLettered")
@AdditionalPrinterColumn(name = "Job", type = Type.STRING, jsonPath = ".status.jobState")
// Where the data goes, with -o wide.
@AdditionalPrinterColumn(
    name = "Topic",
    type = Type.STRING,
    jsonPath = ".status.topic",
    priority = 1)
@AdditionalPrinterColumn(
    name = "Table",
    type = Type.STRING,
    jsonPath = ".status.table",
    priority = 1)
@AdditionalPrinterColumn(name = "TTL", type = Type.STRING, jsonPath = ".status.ttl", priority = 1)
@AdditionalPrinterColumn(name = "Age", type = Type.DATE, jsonPath = ".metadata.creationTimestamp")
// Names reach label values (63 characters) and derived resource names with suffixes.
@ValidationRule(
    value = "self.metadata.name.size() <= 50",
    message = "a pipeline name has at most 50 characters")
// The name also names a Service (<name>-driver), so it must be a DNS-1035 label: no dots, no
// leading digit, though a custom resource's own name may have both.
@ValidationRule(
    value = "self.metadata.name.matches('^[a-z]([-a-z0-9]*[a-z0-9])?$')",
    message =
        "a pipeline name starts with a letter and has only lowercase letters, digits and '-'"
            + " (it names the pipeline's Services)")
public class StreamingPipeline
    extends CustomResource<StreamingPipelineSpec, StreamingPipelineStatus> implements Namespaced {

  public StreamingPipeline() {}

  public StreamingPipeline(String namespace, String name, StreamingPipelineSpec spec) {
    getMetadata().setNamespace(namespace);
    getMetadata().setName(name);
    setSpec(spec);
  }

  /** No status until the operator writes one, so a patch never assumes one exists. */
  @Override
  protected StreamingPipelineStatus initStatus() {
    return null;
  }
}
