package io.streampipe.api.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Collects the problems the checks find, in the order they were found. */
final class Problems {
  private final List<Problem> found = new ArrayList<>();

  void add(String path, String message) {
    found.add(new Problem(path, message));
  }

  /** Adds a problem when the value is absent or fails the test. */
  <T> void require(T value, Predicate<T> test, String path, String message) {
    if (value == null || !test.test(value)) {
      add(path, message);
    }
  }

  /** Adds a problem when the value is present and fails the test. */
  <T> void whenSet(T value, Predicate<T> test, String path, String message) {
    if (value != null && !test.test(value)) {
      add(path, message);
    }
  }

  List<Problem> list() {
    return List.copyOf(found);
  }
}
