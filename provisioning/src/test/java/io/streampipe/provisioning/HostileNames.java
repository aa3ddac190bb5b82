package io.streampipe.provisioning;

import java.util.List;

/** Names that must never reach CQL. */
final class HostileNames {
  static final List<String> ALL =
      List.of(
          "x; DROP KEYSPACE system",
          "x\"; DROP KEYSPACE system; --",
          "it's",
          "caf\u00e9",
          "\u0442\u0430\u0431\u043b\u0438\u0446\u0430",
          "a".repeat(49),
          "1starts_with_digit",
          "",
          "with space");

  private HostileNames() {}
}
