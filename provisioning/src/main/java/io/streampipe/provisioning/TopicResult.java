package io.streampipe.provisioning;

import java.util.List;

/**
 * What one topic {@code ensure} did.
 *
 * @param applied one human line per change made (creation, partitions grown, config set)
 * @param refused one sentence per change refused; when not empty, nothing was applied
 */
public record TopicResult(
    String topic, boolean created, List<String> applied, List<String> refused) {
  public TopicResult {
    applied = List.copyOf(applied);
    refused = List.copyOf(refused);
  }

  public boolean isRefused() {
    return !refused.isEmpty();
  }

  public boolean isChanged() {
    return !applied.isEmpty();
  }
}
