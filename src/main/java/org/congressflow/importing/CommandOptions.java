package org.congressflow.importing;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** The {@code --name=value} options of a command line, by name (the last one wins). */
final class CommandOptions {

  private CommandOptions() {}

  static Map<String, String> of(String[] args) {
    return Arrays.stream(args).filter(a -> a.startsWith("--") && a.contains("="))
        .collect(Collectors.toMap(a -> a.substring(2, a.indexOf('=')), a -> a.substring(a.indexOf('=') + 1),
            (a, b) -> b));
  }
}
