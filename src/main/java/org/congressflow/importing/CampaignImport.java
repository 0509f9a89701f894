package org.congressflow.importing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.congressflow.campaign.CampaignDefinition;
import org.congressflow.campaign.CampaignFileReader;
import org.congressflow.campaign.InvalidCampaignException;

/**
 * Turns a district office's organisation spreadsheet into a campaign file: everything but the organisations
 * comes from a template campaign file; the result is checked by {@link CampaignFileReader} as at start-up.
 * All or nothing: any bad row gives no file, only the list of problems by row number.
 */
public final class CampaignImport {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .setSerializationInclusion(JsonInclude.Include.NON_NULL);
  private static final Pattern ORGANISATION_PATH = Pattern.compile("^organisations\\[(\\d+)]");

  /** Either the campaign file (YAML) or the problems; never both. */
  public record Outcome(String yaml, int organisations, int cells, List<String> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private CampaignImport() {}

  public static Outcome run(CampaignDefinition template, String fileName, InputStream sheet, IntConsumer percentDone)
      throws IOException {
    var read = OrganisationSheet.read(SheetRows.read(fileName, sheet), percentDone);
    if (!read.problems().isEmpty()) {
      return failed(read.problems());
    }
    var campaign = template.withOrganisations(read.organisations());
    String yaml = "# Campaign file imported from " + fileName + ": the organisations and member counts of the "
        + "district office's list; everything else from the template campaign file.\n" + toYaml(campaign);
    try {
      new CampaignFileReader().parse(yaml, fileName);
    } catch (InvalidCampaignException e) {
      return failed(e.problems().stream().map(p -> withRowNumber(p, read.rowNumbers())).toList());
    }
    return new Outcome(yaml, campaign.organisationList().size(), (int) campaign.cells().count(), List.of());
  }

  private static Outcome failed(List<String> problems) {
    return new Outcome(null, 0, 0, new ArrayList<>(problems));
  }

  /** "organisations[3].members: ..." becomes "Dòng 12 (organisations[3].members): ...". */
  private static String withRowNumber(String problem, List<Integer> rowNumbers) {
    Matcher matcher = ORGANISATION_PATH.matcher(problem);
    if (matcher.find()) {
      int index = Integer.parseInt(matcher.group(1));
      if (index < rowNumbers.size()) {
        int colon = problem.indexOf(':');
        return "Dòng " + rowNumbers.get(index) + " (" + problem.substring(0, colon) + ")" + problem.substring(colon);
      }
    }
    return problem;
  }

  static String toYaml(CampaignDefinition campaign) {
    try {
      return YAML.writeValueAsString(campaign);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write campaign " + campaign.id(), e);
    }
  }
}
