package io.streampipe.operator;

import java.util.function.IntConsumer;

/**
 * The operator-kills scenario's user activity, one step at a time: create the pipelines, scale
 * every executor to 2, delete the last few, scale the rest to {@link #LAST_INSTANCES}.
 */
final class Workload {
  static final int LAST_INSTANCES = 3;
  private static final int N = OperatorKillsIT.PIPELINES;
  private static final int KEPT = N - OperatorKillsIT.DELETED;
  static final int STEPS = N + N + OperatorKillsIT.DELETED + KEPT;

  /** Scales pipeline {@code i}'s executors. */
  interface Scale {
    void apply(int i, int instances);
  }

  private Workload() {}

  static boolean deleted(int i) {
    return i >= KEPT;
  }

  static void step(int step, IntConsumer create, Scale scale, IntConsumer delete) {
    if (step < N) {
      create.accept(step);
    } else if (step < 2 * N) {
      scale.apply(step - N, 2);
    } else if (step < 2 * N + OperatorKillsIT.DELETED) {
      delete.accept(KEPT + step - 2 * N);
    } else {
      scale.apply(step - 2 * N - OperatorKillsIT.DELETED, LAST_INSTANCES);
    }
  }
}
