package io.streampipe.api.v1alpha1;

/** What the operator does when a pipeline dead-letters more than its budget allows. */
public enum BudgetAction {
  /** Say so: DataQuality turns False, with an Event; the job keeps running. */
  Warn,
  /** Say so and stop the job, as spec.suspend does, until the spec changes. */
  Suspend
}
