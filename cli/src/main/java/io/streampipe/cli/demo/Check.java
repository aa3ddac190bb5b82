package io.streampipe.cli.demo;

/** One thing the demo promises, with what was expected and what was measured. */
public record Check(String name, long expected, long actual) {
  public boolean ok() {
    return expected == actual;
  }

  @Override
  public String toString() {
    return (ok() ? "  ok    " : "  FAIL  ") + name + ": expected " + expected + ", got " + actual;
  }
}
