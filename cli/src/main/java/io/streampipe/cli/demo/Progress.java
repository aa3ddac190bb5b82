package io.streampipe.cli.demo;

import io.streampipe.job.metrics.PipelineTotals;
import java.io.PrintWriter;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Prints one progress line a second while events flow: produced, read, written, dead-lettered,
 * rate.
 */
public final class Progress implements AutoCloseable {
  private final Thread printer;
  private volatile boolean running = true;

  public Progress(
      PrintWriter out, long target, LongSupplier produced, Supplier<PipelineTotals> totals) {
    long started = System.nanoTime();
    this.printer =
        new Thread(
            () -> {
              while (running) {
                sleepOneSecond();
                PipelineTotals now = totals.get();
                double seconds = (System.nanoTime() - started) / 1e9;
                out.printf(
                    "  %5.0fs  produced %,d/%,d  read %,d  written %,d  deduplicated %,d  dead-lettered %,d  (%,.0f rows/s)%n",
                    seconds,
                    produced.getAsLong(),
                    target,
                    now.read(),
                    now.written(),
                    now.deduplicated(),
                    now.deadLettered(),
                    now.written() / Math.max(seconds, 0.001));
                out.flush();
              }
            },
            "demo-progress");
    printer.setDaemon(true);
    printer.start();
  }

  private void sleepOneSecond() {
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    printer.interrupt();
  }
}
