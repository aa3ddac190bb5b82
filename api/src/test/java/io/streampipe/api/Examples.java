package io.streampipe.api;

import io.streampipe.api.v1alpha1.BudgetSpec;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import java.nio.file.Path;

/** The project's example pipelines, read the way a user's file is read. */
public final class Examples {
  private Examples() {}

  public static Path projectDir() {
    return Path.of(System.getProperty("streampipe.project.dir", ".."));
  }

  public static PipelineDocument users() {
    return PipelineDocuments.read(projectDir().resolve("examples/users-pipeline.yaml"));
  }

  /** A fresh copy of the reference spec, for a test to change. */
  public static StreamingPipelineSpec usersSpec() {
    return users().spec();
  }

  /** A data-quality budget of this ratio and window (null: the default). */
  public static BudgetSpec budget(Double ratio, String window) {
    BudgetSpec budget = new BudgetSpec();
    budget.setMaxDeadLetterRatio(ratio);
    budget.setWindow(window);
    return budget;
  }
}
