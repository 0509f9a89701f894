package org.congressflow.document;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.congressflow.campaign.CampaignRegistry;
import org.congressflow.organisation.Groups;
import org.congressflow.security.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/documents/{id}}: downloads one version of a submitted file, for those who may read its congress
 * (the groups that work on or decide it, see CongressAccess); to anyone else the file does not exist.
 */
@RestController
class DocumentController {

  private final DocumentRecord documents;
  private final AuthorizationService authorizationService;
  private final CampaignRegistry campaigns;

  DocumentController(DocumentRecord documents, AuthorizationService authorizationService, CampaignRegistry campaigns) {
    this.documents = documents;
    this.authorizationService = authorizationService;
    this.campaigns = campaigns;
  }

  /**
   * A grant on every process instance (the managers') is no grant on another campaign's: the caller must also work
   * in the document's campaign (one of the groups of its tenant), or be an administrator.
   */
  private boolean inCampaign(Caller caller, String campaignId) {
    return caller.groupIds().contains(Groups.ADMINS)
        || Groups.of(campaigns.definition(campaignId)).anyOwned(caller.groupIds());
  }

  @GetMapping("/api/documents/{id}")
  ResponseEntity<?> download(@PathVariable long id, HttpServletRequest request) {
    var caller = Caller.of(request);
    var document = documents.find(id).filter(d -> inCampaign(caller, d.campaignId())).filter(d -> authorizationService.isUserAuthorized(caller.userId(),
        caller.groupIds(), Permissions.READ, Resources.PROCESS_INSTANCE, d.processInstanceId()));
    if (document.isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
          .body(Map.of("error", "Không tìm thấy tài liệu số " + id + " hoặc bạn không có quyền xem tài liệu này"));
    }
    var d = document.get();
    return ResponseEntity.ok()
        .contentType(d.mimeType() == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(d.mimeType()))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(d.fileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .contentLength(d.sizeBytes())
        .body(documents.content(id));
  }
}
