package org.congressflow.campaign;

import java.util.List;

/** A campaign file that cannot be loaded; the message lists every problem, one per line, by path. */
public class InvalidCampaignException extends RuntimeException {

  private final List<String> problems;

  public InvalidCampaignException(String source, List<String> problems) {
    super("Campaign file " + source + " has " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
