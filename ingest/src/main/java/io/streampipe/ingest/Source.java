package io.streampipe.ingest;

/** One kind of API source; runs until its context's stop signal. */
interface Source {
  void run(SourceContext context) throws InterruptedException;
}
