package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import java.util.Map;
import lombok.Getter;
import lombok.Setter;

/** A Kafka topic the pipeline creates and reads or writes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Getter
@Setter
public class TopicSpec {

  @Required
  @JsonPropertyDescription("Topic name as Kafka knows it, e.g. users_created.")
  private String name;

  @JsonPropertyDescription("Number of partitions (default 3). Partitions can only grow.")
  @Min(1)
  private Integer partitions;

  @JsonPropertyDescription("Replication factor (default 1).")
  @Min(1)
  private Integer replicas;

  @JsonPropertyDescription(
      "How long Kafka keeps records, as a duration like 7d or 12h (default 7d).")
  private String retention;

  @JsonPropertyDescription("Extra topic configuration, e.g. cleanup.policy: delete.")
  private Map<String, String> config;
}
