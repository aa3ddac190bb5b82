package io.streampipe.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import lombok.Getter;
import lombok.Setter;

/** Where valid rows are written. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Getter
@Setter
public class SinkSpec {

  @Required
  @JsonPropertyDescription("The Cassandra table rows are upserted into.")
  private CassandraSinkSpec cassandra;
}
