package org.congressflow.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.congressflow.campaign.CampaignDefinition;
import org.congressflow.campaign.CampaignDefinition.Cell;
import org.congressflow.campaign.CampaignDefinition.Organisation;
import org.congressflow.campaign.CampaignFileReader;
import org.congressflow.campaign.InvalidCampaignException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --generate-campaign=<base organisations> --cells=<cells each> --output=<campaign.yaml>
 * [--template=<campaign.yaml>] [--seed=<n>]}: writes a valid campaign file of that size for load tests and
 * benchmarks, with the template's campaign, district, deadlines and rules (the seed's, from the Yên Khánh file by
 * default) and generated organisations with Vietnamese names; the pilot, Khánh Trung, comes first. The file is read
 * back with the start-up's checks before it is written. No engine, no database; exits 0, 1 (invalid) or 2 (usage).
 */
public final class GenerateCommand {

  static final String FLAG = "--generate-campaign";
  private static final Logger log = LoggerFactory.getLogger(GenerateCommand.class);
  private static final List<String> FIRST = List.of("Khánh", "Yên", "Gia", "Ninh", "Thạch", "Đông", "Tân", "Hòa",
      "Phú", "Xuân", "Quang", "Hưng", "Trường", "Liên", "Thượng", "Định", "Hồng", "Minh", "Nghĩa", "Văn");
  private static final List<String> SECOND = List.of("An", "Bình", "Hòa", "Phú", "Thịnh", "Lợi", "Hưng", "Thành",
      "Tiến", "Lộc", "Trung", "Mỹ", "Sơn", "Hải", "Cường", "Thủy", "Vân", "Nhạc", "Thiện", "Mậu");
  private static final List<String> HAMLETS = List.of("thôn Đông", "thôn Tây", "thôn Nam", "thôn Bắc", "thôn Trung",
      "xóm Thượng", "xóm Hạ", "xóm Chùa", "xóm Đình", "xóm Mới");

  private GenerateCommand() {}

  public static boolean wanted(String[] args) {
    return Arrays.stream(args).anyMatch(a -> a.startsWith(FLAG + "="));
  }

  /** Returns the exit code. */
  public static int run(String[] args) {
    Map<String, String> options = CommandOptions.of(args);
    int organisations;
    int cells;
    try {
      organisations = Integer.parseInt(options.get("generate-campaign"));
      cells = Integer.parseInt(options.getOrDefault("cells", "5"));
    } catch (NumberFormatException e) {
      log.error("Give the size as whole numbers: --generate-campaign=<base organisations> --cells=<cells each>");
      return 2;
    }
    if (organisations < 1 || cells < 0 || !options.containsKey("output")) {
      log.error("Give at least one base organisation and the file to write: --generate-campaign=N --cells=M"
          + " --output=<campaign file.yaml>");
      return 2;
    }
    Path template = Path.of(options.getOrDefault("template", "config/campaigns/yen-khanh-2020-2025.yaml"));
    Path output = Path.of(options.get("output"));
    try {
      var campaign = new CampaignFileReader().read(template);
      String yaml = yaml(campaign, organisations, cells, Long.parseLong(options.getOrDefault("seed", "2020")));
      new CampaignFileReader().parse(yaml, output.toString());
      Files.writeString(output, yaml);
      log.info("Campaign file {} written: {} base organisations with {} cells each ({} MB)", output, organisations,
          cells, String.format(Locale.ROOT, "%.1f", Files.size(output) / 1048576.0));
      return 0;
    } catch (InvalidCampaignException e) {
      log.error("{}", e.getMessage());
      return 1;
    } catch (IOException e) {
      log.error("Cannot write {}: {}", output, e.getMessage());
      return 1;
    }
  }

  /** The template's campaign with generated organisations, as a campaign file. */
  static String yaml(CampaignDefinition template, int organisations, int cellsEach, long seed) {
    var random = new Random(seed);
    var generated = new ArrayList<Organisation>(organisations);
    String pilot = template.pilot().organisation();
    for (int index = 0; index < organisations; index++) {
      String name = index == 0 ? "Khánh Trung" : FIRST.get(random.nextInt(FIRST.size())) + " "
          + SECOND.get(random.nextInt(SECOND.size()));
      String id = index == 0 ? pilot : String.format(Locale.ROOT, "xa-%s-%05d", slug(name), index);
      var cells = new ArrayList<Cell>(cellsEach);
      int members = 0;
      for (int cell = 1; cell <= cellsEach; cell++) {
        int cellMembers = 20 + random.nextInt(41);
        members += cellMembers;
        cells.add(new Cell(String.format(Locale.ROOT, "%s-cb-%02d", id, cell),
            "Chi bộ " + HAMLETS.get((cell - 1) % HAMLETS.size()) + (cell > HAMLETS.size() ? " " + cell : ""),
            cellMembers));
      }
      generated.add(new Organisation(id, "Đảng bộ xã " + name, Organisation.BASE_COMMITTEE, "commune",
          Math.max(members, 30), null, cells));
    }
    return "# Generated by --generate-campaign=" + organisations + " --cells=" + cellsEach + " (seed " + seed
        + ") from the template " + template.id() + ": its campaign, dates and rules, generated organisations.\n"
        + CampaignImport.toYaml(template.withOrganisations(generated));
  }

  /** "Khánh An" -> "khanh-an". */
  static String slug(String name) {
    return Normalizer.normalize(name.replace('Đ', 'D').replace('đ', 'd'), Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }
}
