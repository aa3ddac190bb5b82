package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;
import lombok.Getter;
import lombok.Setter;

/**
 * How many rows one Cassandra request may carry. The job groups rows owned by the same nodes into
 * UNLOGGED batches sent to one of them; the defaults stay under a Cassandra node's default batch
 * warnings.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Getter
@Setter
public class WriteBatchSpec {

  @JsonPropertyDescription(
      "Rows per request, at most (default 10, Cassandra's"
          + " unlogged_batch_across_partitions_warn_threshold). 1 sends every row on its own.")
  @ValidationRule(value = "self >= 1 && self <= 1000", message = "maxRows must be 1 to 1000")
  private Integer maxRows;

  @JsonPropertyDescription(
      "Data per request in bytes, at most, counted as Cassandra counts a batch: values plus 16"
          + " bytes per cell and per row (default 4608, nine tenths of Cassandra's"
          + " batch_size_warn_threshold of 5 KiB; a node refuses batches over"
          + " batch_size_fail_threshold, 50 KiB by default). A bigger row goes alone.")
  @ValidationRule(value = "self >= 0 && self <= 1048576", message = "maxBytes must be 0 to 1048576")
  private Integer maxBytes;
}
