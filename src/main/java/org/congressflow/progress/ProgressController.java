package org.congressflow.progress;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.congressflow.progress.ProgressView.OrganisationDetail;
import org.congressflow.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard's JSON API and the XLSX report; every answer is filtered by the caller's organisation. */
@RestController
@RequestMapping("/api")
class ProgressController {

  static final int DEFAULT_PAGE_SIZE = 100;
  static final int MAX_PAGE_SIZE = 500;
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** The caller, with the name the dashboard greets them by ("Nguyễn Văn A"; the user id when none is set). */
  record Me(String userId, List<String> groupIds, String name) {}

  private final ProgressService progress;
  private final EmulationService emulation;
  private final IdentityService identity;

  ProgressController(ProgressService progress, EmulationService emulation, IdentityService identity) {
    this.progress = progress;
    this.emulation = emulation;
    this.identity = identity;
  }

  @GetMapping("/me")
  Me me(HttpServletRequest request) {
    Caller caller = Caller.of(request);
    User user = identity.createUserQuery().userId(caller.userId()).singleResult();
    String name = user == null ? "" : String.join(" ", Stream.of(user.getFirstName(), user.getLastName())
        .filter(part -> part != null && !part.isBlank()).toList());
    return new Me(caller.userId(), caller.groupIds(), name.isEmpty() ? caller.userId() : name);
  }

  @GetMapping("/campaigns")
  List<Map<String, String>> campaigns(HttpServletRequest request) {
    return progress.campaigns(Caller.of(request));
  }

  /** A page of {@code size} organisations (at most {@link #MAX_PAGE_SIZE}), page numbers from 0. */
  @GetMapping("/campaigns/{campaignId}/progress")
  ProgressView progress(@PathVariable String campaignId, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size, HttpServletRequest request) {
    return progress.progress(campaignId, Caller.of(request), Math.max(page, 0),
        Math.min(Math.max(size, 1), MAX_PAGE_SIZE));
  }

  @GetMapping("/campaigns/{campaignId}/emulation")
  EmulationView emulation(@PathVariable String campaignId, HttpServletRequest request) {
    return emulation.emulation(campaignId, Caller.of(request));
  }

  @GetMapping("/campaigns/{campaignId}/organisations/{organisationId}")
  OrganisationDetail organisation(@PathVariable String campaignId, @PathVariable String organisationId,
      HttpServletRequest request) {
    return progress.organisation(campaignId, organisationId, Caller.of(request));
  }

  @GetMapping("/campaigns/{campaignId}/progress.xlsx")
  void report(@PathVariable String campaignId, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var rows = progress.all(campaignId, Caller.of(request));
    var window = ProgressWindow.now(0);
    response.setContentType(XLSX);
    response.setHeader("Content-Disposition",
        "attachment; filename=\"tien-do-" + campaignId + "-" + window.today() + ".xlsx\"");
    ProgressWorkbook.write(progress.definition(campaignId), rows, window.today(), response.getOutputStream());
  }

  @ExceptionHandler(NotVisibleException.class)
  ResponseEntity<Map<String, String>> notVisible(NotVisibleException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", e.getMessage()));
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Map<String, String>> unknown(IllegalArgumentException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", e.getMessage()));
  }
}
