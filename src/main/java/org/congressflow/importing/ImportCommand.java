package org.congressflow.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.congressflow.campaign.CampaignFileReader;
import org.congressflow.campaign.InvalidCampaignException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --import-organisations=<list.xlsx|csv> --template=<campaign.yaml> --output=<new campaign.yaml>}: runs
 * without the engine or a database, writes the campaign file only when every row is good, exits 0 or 1.
 */
public final class ImportCommand {

  static final String FLAG = "--import-organisations";
  private static final Logger log = LoggerFactory.getLogger(ImportCommand.class);

  private ImportCommand() {}

  public static boolean wanted(String[] args) {
    return Arrays.stream(args).anyMatch(a -> a.startsWith(FLAG + "="));
  }

  /** Returns the exit code. */
  public static int run(String[] args) {
    Map<String, String> options = CommandOptions.of(args);
    Path sheet = Path.of(options.get("import-organisations"));
    Path template = Path.of(options.getOrDefault("template", "config/campaigns/yen-khanh-2020-2025.yaml"));
    Optional<Path> output = Optional.ofNullable(options.get("output")).map(Path::of);
    if (output.isEmpty()) {
      log.error("Give the file to write with --output=<campaign file.yaml>");
      return 2;
    }
    try (InputStream in = Files.newInputStream(sheet)) {
      var templateCampaign = new CampaignFileReader().read(template);
      var outcome = CampaignImport.run(templateCampaign, sheet.getFileName().toString(), in,
          percent -> {
            if (percent % 10 == 0) {
              log.info("Import of {}: {}% of the rows read", sheet.getFileName(), percent);
            }
          });
      if (!outcome.ok()) {
        log.error("Import of {} refused, no file written; {} problem(s):\n  {}", sheet, outcome.problems().size(),
            String.join("\n  ", outcome.problems()));
        return 1;
      }
      Files.writeString(output.get(), outcome.yaml());
      log.info("Campaign file {} written: {} base organisations, {} cells", output.get(), outcome.organisations(),
          outcome.cells());
      return 0;
    } catch (IOException | InvalidCampaignException e) {
      log.error("Import of {} failed: {}", sheet, e.getMessage());
      return 1;
    }
  }
}
