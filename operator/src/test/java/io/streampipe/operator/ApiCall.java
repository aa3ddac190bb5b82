package io.streampipe.operator;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One request to the API server as RBAC sees it: group, resource (with subresource) and verb.
 *
 * @param group "" for the core group
 * @param resource plural, with "/status" or "/finalizers" for a subresource
 */
record ApiCall(String group, String resource, String verb) {

  /**
   * Parses a request line the way the API server's RBAC authorizer does; empty for discovery (/api,
   * /apis/group/version…), which every authenticated client may read.
   */
  static Optional<ApiCall> of(String method, String pathAndQuery) {
    URI uri = URI.create(pathAndQuery);
    List<String> parts = Arrays.stream(uri.getPath().split("/")).filter(s -> !s.isEmpty()).toList();
    boolean core = !parts.isEmpty() && parts.get(0).equals("api");
    if (parts.size() < (core ? 3 : 4)) {
      return Optional.empty();
    }
    String group = core ? "" : parts.get(1);
    List<String> rest = parts.subList(core ? 2 : 3, parts.size());
    if (rest.size() > 2 && rest.get(0).equals("namespaces")) {
      rest = rest.subList(2, rest.size());
    }
    String resource = rest.get(0) + (rest.size() > 2 ? "/" + rest.get(2) : "");
    boolean named = rest.size() > 1;
    boolean watch = uri.getQuery() != null && uri.getQuery().contains("watch=true");
    String verb =
        switch (method) {
          case "GET" -> named ? "get" : watch ? "watch" : "list";
          case "POST" -> "create";
          case "PUT" -> "update";
          case "PATCH" -> "patch";
          case "DELETE" -> named ? "delete" : "deletecollection";
          default -> method.toLowerCase(java.util.Locale.ROOT);
        };
    return Optional.of(new ApiCall(group, resource, verb));
  }

  /** group/resource, the key RBAC rules are compared by. */
  String key() {
    return group + "/" + resource;
  }
}
