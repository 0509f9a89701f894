package org.congressflow.campaign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The campaign files of a folder ({@code *.yaml}, {@code *.yml}), read and checked together. A broken file, or two
 * files with one campaign id and different content, refuses them all with every problem of every file. Nothing is
 * passed over in silence: an empty folder and a file that is not a campaign file are logged as warnings.
 */
final class CampaignFolder {

  /** cf_campaign.source, where a campaign keeps the file it was started from, is varchar(500). */
  static final int MAX_PATH = 500;
  private static final Logger log = LoggerFactory.getLogger(CampaignFolder.class);

  record CampaignFile(Path path, CampaignDefinition campaign) {}

  private final Path path;
  private final List<CampaignFile> files;

  private CampaignFolder(Path path, List<CampaignFile> files) {
    this.path = path;
    this.files = List.copyOf(files);
  }

  Path path() {
    return path;
  }

  List<CampaignFile> files() {
    return files;
  }

  static CampaignFolder read(Path folder) {
    if (!Files.isDirectory(folder)) {
      log.warn("No campaign folder at {}: no campaign started", folder.toAbsolutePath());
      return new CampaignFolder(folder, List.of());
    }
    var listed = campaignFiles(folder);
    if (listed.isEmpty()) {
      log.warn("The campaign folder {} has no campaign file (*.yaml, *.yml): no campaign started",
          folder.toAbsolutePath());
    }
    var reader = new CampaignFileReader();
    var files = new ArrayList<CampaignFile>();
    var problems = new ArrayList<String>();
    Map<String, CampaignFile> byId = new HashMap<>();
    Map<String, CampaignFile> byTenant = new HashMap<>();
    for (Path path : listed) {
      String name = path.getFileName().toString();
      try {
        var file = new CampaignFile(path, reader.read(path));
        if (path.toString().length() > MAX_PATH) {
          problems.add(name + ": the file's path is " + path.toString().length() + " characters, more than the "
              + MAX_PATH + " a campaign keeps (move the folder)");
        }
        var first = byId.putIfAbsent(file.campaign().id(), file);
        if (first == null) {
          files.add(file);
          sameTenant(byTenant.putIfAbsent(file.campaign().tenantId(), file), file, problems);
        } else {
          sameId(first, file, problems);
        }
      } catch (InvalidCampaignException e) {
        e.problems().forEach(problem -> problems.add(name + ": " + problem));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidCampaignException(folder.toString(), problems);
    }
    return new CampaignFolder(folder, files);
  }

  /** A copy of a file is started once (and said so); two different campaigns under one id are refused. */
  private static void sameId(CampaignFile first, CampaignFile second, List<String> problems) {
    var changes = CampaignChanges.between(first.campaign(), second.campaign());
    if (changes.isEmpty()) {
      log.warn("{} holds the same campaign as {} ({}): it is started once", second.path(), first.path(),
          first.campaign().id());
      return;
    }
    problems.add(second.path().getFileName() + ": id: '" + second.campaign().id() + "' is also the id of "
        + first.path().getFileName() + ", which differs from this file (there → here): " + String.join("; ", changes)
        + ". Give one of them another id, or remove one");
  }

  /** Two campaigns in one tenant would share their groups, tasks and processes. */
  private static void sameTenant(CampaignFile first, CampaignFile second, List<String> problems) {
    if (first != null) {
      problems.add(second.path().getFileName() + ": tenant: '" + second.campaign().tenantId() + "' is also the tenant"
          + " of " + first.path().getFileName() + " (campaign '" + first.campaign().id() + "'); each campaign needs a"
          + " tenant of its own: set 'tenant:' in one of them");
    }
  }

  private static List<Path> campaignFiles(Path folder) {
    try (Stream<Path> all = Files.list(folder)) {
      var files = new ArrayList<Path>();
      for (Path path : all.sorted().toList()) {
        String name = path.getFileName().toString();
        if (Files.isRegularFile(path) && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
          files.add(path);
        } else if (!name.startsWith(".")) {
          log.warn("{} is not a campaign file (*.yaml, *.yml): not read", path);
        }
      }
      return files;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot list campaign files in " + folder, e);
    }
  }
}
