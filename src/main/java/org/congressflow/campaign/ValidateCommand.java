package org.congressflow.campaign;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.congressflow.campaign.CampaignFolder.CampaignFile;

/**
 * {@code --validate-campaign=FILE} (or a folder, checked as start-up checks it): runs without the engine or a
 * database, in a second or two, and answers "FILE: valid (N organisations, M cells)" or every problem.
 */
public final class ValidateCommand {

  static final String FLAG = "--validate-campaign=";

  /** What to print, and the exit code: 0 valid, 1 refused. */
  public record Outcome(int exitCode, String output) {}

  private ValidateCommand() {}

  public static boolean wanted(String[] args) {
    return Arrays.stream(args).anyMatch(arg -> arg.startsWith(FLAG));
  }

  public static Outcome run(String[] args) {
    Path target = Arrays.stream(args).filter(arg -> arg.startsWith(FLAG)).findFirst()
        .map(arg -> Path.of(arg.substring(FLAG.length()))).orElseThrow();
    try {
      List<CampaignFile> files = Files.isDirectory(target) ? CampaignFolder.read(target).files()
          : List.of(new CampaignFile(target, new CampaignFileReader().read(target)));
      if (files.isEmpty()) {
        return new Outcome(1, target + ": no campaign file (*.yaml, *.yml)\n");
      }
      return new Outcome(0, files.stream().map(file -> file.path() + ": valid ("
          + file.campaign().organisationList().size() + " organisations, " + file.campaign().cells().count()
          + " cells)\n").collect(Collectors.joining()));
    } catch (InvalidCampaignException e) {
      return new Outcome(1, e.getMessage() + "\n");
    }
  }
}
