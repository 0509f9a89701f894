package org.congressflow.deadline;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.congressflow.campaign.CampaignRegistry;
import org.congressflow.organisation.Groups;
import org.congressflow.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/campaigns/{id}/deadlines}: the district moves a level's deadline, with the reason. */
@RestController
class DeadlineChangeController {

  record DeadlineChangeRequest(String level, LocalDate newDate, String reason) {}

  private final DeadlineChanges changes;
  private final CampaignRegistry campaigns;

  DeadlineChangeController(DeadlineChanges changes, CampaignRegistry campaigns) {
    this.changes = changes;
    this.campaigns = campaigns;
  }

  /** The boards of this campaign (not another district's) and the administrators; an unknown campaign: nobody. */
  private Set<String> allowed(String campaignId) {
    if (!campaigns.exists(campaignId)) {
      return Set.of(Groups.ADMINS);
    }
    var groups = Groups.of(campaigns.definition(campaignId));
    return Set.of(groups.organisationBoard(), groups.standingCommittee(), Groups.ADMINS);
  }

  @PostMapping("/api/campaigns/{campaignId}/deadlines")
  ResponseEntity<Map<String, Object>> change(@PathVariable String campaignId, @RequestBody DeadlineChangeRequest body,
      HttpServletRequest request) {
    var caller = Caller.of(request);
    var allowed = allowed(campaignId);
    if (caller.groupIds().stream().noneMatch(allowed::contains)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN)
          .body(Map.of("error", "Chỉ Ban Tổ chức và Ban Thường vụ Huyện ủy được thay đổi hạn đại hội"));
    }
    int moved = changes.change(campaignId, body.level(), body.newDate(), body.reason(), caller.userId());
    return ResponseEntity.ok(Map.of("level", body.level(), "newDate", body.newDate().toString(), "congressesMoved", moved));
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Map<String, Object>> refused(IllegalArgumentException e) {
    return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
  }
}
