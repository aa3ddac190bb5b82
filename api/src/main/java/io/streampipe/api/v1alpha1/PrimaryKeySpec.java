package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.Setter;

/** The table's primary key: partition key columns, then optional clustering columns. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Getter
@Setter
public class PrimaryKeySpec {

  @Required
  @JsonPropertyDescription("Fields that form the partition key, in order.")
  @Size(min = 1, max = 16)
  private List<String> partitionKey;

  @JsonPropertyDescription("Fields that form the clustering key, in order (ascending).")
  @Size(max = 16)
  private List<String> clusteringColumns;

  /** Partition key columns followed by clustering columns. */
  public List<String> columns() {
    List<String> all = new ArrayList<>();
    if (partitionKey != null) {
      all.addAll(partitionKey);
    }
    if (clusteringColumns != null) {
      all.addAll(clusteringColumns);
    }
    return all;
  }
}
