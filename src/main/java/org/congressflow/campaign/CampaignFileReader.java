package org.congressflow.campaign;

import java.nio.file.Path;

/**
 * Reads and validates a campaign file; nothing is written anywhere. Every problem is listed at once: the text's
 * (size, UTF-8, double-encoding), the YAML's (syntax, a second document, unknown fields, wrong types and dates,
 * with line and column), then {@link CampaignValidator}'s (what is missing, inconsistent or too long).
 */
public class CampaignFileReader {

  private final CampaignValidator validator = new CampaignValidator();

  public CampaignDefinition read(Path file) {
    var problems = new Problems();
    return checked(CampaignText.read(file, problems), file.toString(), problems);
  }

  /** Parses and validates; throws {@link InvalidCampaignException} with every problem found. */
  public CampaignDefinition parse(String yaml, String source) {
    var problems = new Problems();
    return checked(CampaignText.check(yaml, problems), source, problems);
  }

  private CampaignDefinition checked(String text, String source, Problems problems) {
    CampaignDefinition campaign = null;
    if (text != null) {
      var read = CampaignYaml.read(text, problems);
      campaign = read.campaign();
      if (campaign != null) {
        validator.problems(campaign).stream().filter(p -> !read.hasProblemAt(p)).forEach(problems::add);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidCampaignException(source, problems.list());
    }
    return campaign;
  }
}
