package io.streampipe.operator.status;

/** One condition's outcome before timestamps: status, reason, message. */
record Verdict(boolean ok, Reason reason, String message) {
  static Verdict ok(Reason reason, String message) {
    return new Verdict(true, reason, message);
  }

  static Verdict notOk(Reason reason, String message) {
    return new Verdict(false, reason, message);
  }
}
