package org.congressflow.importing;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.congressflow.campaign.CampaignDefinition;
import org.congressflow.campaign.CampaignFileReader;
import org.congressflow.campaign.CampaignProperties;
import org.congressflow.organisation.Groups;
import org.congressflow.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The organisation board uploads its organisation list (XLSX or CSV) and gets back the campaign file built on
 * the campaign file of that id in the campaigns folder, or every bad row (422). Nothing is stored or started.
 */
@RestController
class ImportController {

  private static final Logger log = LoggerFactory.getLogger(ImportController.class);

  private final CampaignProperties properties;

  ImportController(CampaignProperties properties) {
    this.properties = properties;
  }

  @PostMapping("/api/campaigns/{campaignId}/organisation-import")
  ResponseEntity<?> importOrganisations(@PathVariable String campaignId, @RequestParam("file") MultipartFile file,
      HttpServletRequest request) throws IOException {
    var caller = Caller.of(request);
    if (caller.groupIds().stream().noneMatch(g -> g.equals(Groups.ADMINS) || Groups.isOrganisationBoard(g))) {
      return forbidden();
    }
    var refusal = ListFileType.refusal(file);
    if (refusal.isPresent()) {
      return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(Map.of("error", refusal.get()));
    }
    var template = template(campaignId);
    if (template == null) {
      // the campaigns folder is a path on the server: it stays in the log, not in the answer
      log.info("No campaign file '{}' in {}", campaignId, properties.location().toAbsolutePath());
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(Map.of("error", "Không có tệp đợt đại hội '" + campaignId + "'"));
    }
    var groups = Groups.of(template);
    if (!caller.groupIds().contains(Groups.ADMINS) && !caller.groupIds().contains(groups.organisationBoard())) {
      return forbidden(); // another district's board
    }
    String name = file.getOriginalFilename() == null ? "upload.xlsx" : file.getOriginalFilename();
    var outcome = CampaignImport.run(template, name, file.getInputStream(),
        percent -> log.debug("Import of {} by {}: {}%", name, caller.userId(), percent));
    if (!outcome.ok()) {
      return ResponseEntity.unprocessableEntity().body(Map.of("problems", outcome.problems()));
    }
    log.info("{} imported {}: {} organisations, {} cells", caller.userId(), name, outcome.organisations(),
        outcome.cells());
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + campaignId + ".yaml\"")
        .contentType(new MediaType("application", "yaml", java.nio.charset.StandardCharsets.UTF_8))
        .body(outcome.yaml());
  }

  private static ResponseEntity<?> forbidden() {
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(Map.of("error", "Chỉ Ban Tổ chức Huyện ủy được nhập danh sách tổ chức đảng"));
  }

  private CampaignDefinition template(String campaignId) throws IOException {
    if (!Files.isDirectory(properties.location())) {
      return null;
    }
    var reader = new CampaignFileReader();
    try (Stream<Path> files = Files.list(properties.location())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        var campaign = reader.read(file);
        if (campaign.id().equals(campaignId)) {
          return campaign;
        }
      }
    }
    return null;
  }
}
