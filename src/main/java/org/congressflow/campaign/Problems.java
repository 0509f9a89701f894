package org.congressflow.campaign;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems of one campaign file, in the order found: "path: what is wrong", or "path (line 12, column 5): what
 * is wrong" for what only the file's text shows, or a sentence about the whole file.
 */
final class Problems {

  private final List<String> list = new ArrayList<>();

  void add(String path, String problem) {
    list.add(path + ": " + problem);
  }

  /** A problem said whole: one of the file as a whole (its size, its encoding), or one with its path already. */
  void add(String problem) {
    list.add(problem);
  }

  static String at(int line, int column) {
    return "line " + line + ", column " + column;
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  List<String> list() {
    return List.copyOf(list);
  }
}
