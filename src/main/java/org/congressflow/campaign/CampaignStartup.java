package org.congressflow.campaign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Loads every campaign file of the configured folder at start-up. All files are validated before anything
 * is written; one broken file stops start-up with every problem of every file listed.
 */
@Component
@Order(10)
class CampaignStartup implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(CampaignStartup.class);

  private final CampaignProperties properties;
  private final CampaignLauncher launcher;

  CampaignStartup(CampaignProperties properties, CampaignLauncher launcher) {
    this.properties = properties;
    this.launcher = launcher;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (properties.launchOnStartup()) {
      loadAll(properties.location());
    }
  }

  void loadAll(Path folder) {
    Map<Path, CampaignDefinition> valid = readAll(folder);
    for (var entry : valid.entrySet()) {
      CampaignDefinition campaign = entry.getValue();
      long shift = properties.anchorToToday() ? CampaignLauncher.shiftToToday(campaign) : 0;
      try {
        launcher.launch(campaign, entry.getKey().toString(), shift);
      } catch (DuplicateKeyException e) {
        log.info("Campaign {} was started by another node at the same time", campaign.id());
      }
    }
  }

  private Map<Path, CampaignDefinition> readAll(Path folder) {
    if (!Files.isDirectory(folder)) {
      log.warn("No campaign folder at {}: no campaign started", folder.toAbsolutePath());
      return Map.of();
    }
    var reader = new CampaignFileReader();
    var valid = new LinkedHashMap<Path, CampaignDefinition>();
    var problems = new ArrayList<String>();
    for (Path file : campaignFiles(folder)) {
      try {
        valid.put(file, reader.read(file));
      } catch (InvalidCampaignException e) {
        e.problems().forEach(problem -> problems.add(file.getFileName() + ": " + problem));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidCampaignException(folder.toString(), problems);
    }
    return valid;
  }

  private static List<Path> campaignFiles(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot list campaign files in " + folder, e);
    }
  }
}
