package io.streampipe.cli.bench;

import io.streampipe.job.write.BatchLimits;
import java.io.PrintWriter;

/** The benchmark's measured passes over an emptied table, each with the CPU used meanwhile. */
final class BenchPasses {
  private final CpuMeter cpu;
  private final BenchTable table;
  private final PrintWriter out;

  BenchPasses(CpuMeter cpu, BenchTable table, PrintWriter out) {
    this.cpu = cpu;
    this.table = table;
    this.out = out;
  }

  /** One pass of the raw client or the connector: its rate and the CPU every process used. */
  record RawRun(double rate, CpuMeter.Usage cpu) {}

  /** One drain of the job and what the table check found after it. */
  record JobRun(JobDrain.Result drained, String note) {}

  RawRun raw(RawWrites raw, Workload workload, BatchLimits limits, int run, String label)
      throws InterruptedException {
    table.truncate();
    CpuMeter.Usage before = cpu.now();
    double rate = raw.write(workload.rows(), limits);
    RawRun result = new RawRun(rate, cpu.now().minus(before));
    log(out, "run %d %s: %,.0f rows/s", run, label, rate);
    return result;
  }

  /** The connector's writer; the rows' frame is built and materialized before the clock. */
  RawRun connector(ConnectorWrites connector, Workload workload, int run) {
    table.truncate();
    var frame = connector.frame(workload.rows());
    CpuMeter.Usage before = cpu.now();
    double rate = connector.write(frame, workload.rows().size());
    RawRun result = new RawRun(rate, cpu.now().minus(before));
    frame.unpersist();
    log(out, "run %d connector: %,.0f rows/s (%s)", run, rate, table.checkRows(workload));
    return result;
  }

  JobRun job(JobDrain job, Workload workload, int run) throws InterruptedException {
    return job(job, workload, run, "job");
  }

  JobRun job(JobDrain job, Workload workload, int run, String label) throws InterruptedException {
    table.truncate();
    JobDrain.Result drained = job.drain(workload, "run");
    String note = table.check(drained, workload);
    log(out, "run %d %s: %,.0f rows/s (%s)", run, label, drained.validPerSecond(), note);
    return new JobRun(drained, note);
  }

  static void log(PrintWriter out, String format, Object... args) {
    out.printf("  " + format + "%n", args);
    out.flush();
  }
}
