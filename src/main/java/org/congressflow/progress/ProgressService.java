package org.congressflow.progress;

import static org.congressflow.progress.ProgressQueries.CONGRESS_LEVELS;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.congressflow.campaign.CampaignDefinition;
import org.congressflow.campaign.CampaignLaunchProgress;
import org.congressflow.campaign.CampaignRegistry;
import org.congressflow.campaign.DueDates;
import org.congressflow.decision.DecisionRecord;
import org.congressflow.decision.DecisionViews;
import org.congressflow.progress.ProgressQueries.Counts;
import org.congressflow.progress.ProgressQueries.Selection;
import org.congressflow.progress.ProgressView.DeadlineView;
import org.congressflow.progress.ProgressView.LaunchView;
import org.congressflow.progress.ProgressView.DecisionView;
import org.congressflow.progress.ProgressView.LevelCount;
import org.congressflow.progress.ProgressView.OrganisationDetail;
import org.congressflow.progress.ProgressView.OrganisationView;
import org.congressflow.progress.ProgressView.PilotView;
import org.congressflow.progress.ProgressView.StepView;
import org.congressflow.security.Caller;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Answers the dashboard's questions from the read model, showing each caller only what it may see. */
@Service
@Transactional(readOnly = true)
class ProgressService {

  static final String COCKPIT = "/camunda/app/cockpit/default/#/process-instance/%s/runtime";
  static final String TASKLIST = "/camunda/app/tasklist/default/#/?task=%s";

  private final ProgressQueries queries;
  private final CampaignRegistry campaigns;
  private final int dueSoonDays;
  private final DecisionRecord decisionRecord;
  private final CampaignLaunchProgress launchProgress;

  ProgressService(ProgressQueries queries, CampaignRegistry campaigns, DecisionRecord decisionRecord,
      CampaignLaunchProgress launchProgress, @Value("${congressflow.progress.due-soon-days:14}") int dueSoonDays) {
    this.launchProgress = launchProgress;
    this.decisionRecord = decisionRecord;
    this.queries = queries;
    this.campaigns = campaigns;
    this.dueSoonDays = dueSoonDays;
  }

  /** The campaigns the caller sees anything of, as id and name. */
  List<Map<String, String>> campaigns(Caller caller) {
    return queries.campaignIds().stream().map(campaigns::definition)
        .filter(c -> !Visibility.of(caller, c, campaigns.index(c.id())).none())
        .map(c -> Map.of("id", c.id(), "name", c.name())).toList();
  }

  /** The counts of the whole campaign and one page of its organisations ({@code page} from 0). */
  ProgressView progress(String campaignId, Caller caller, int page, int size) {
    var campaign = campaigns.definition(campaignId);
    var visibility = visibility(caller, campaign);
    var window = ProgressWindow.now(dueSoonDays);
    var counts = queries.counts(new Selection(campaignId, CONGRESS_LEVELS, visibility), window);
    // the district sees the district and base level, cells by their counts; an organisation also its cells
    var levels = visibility.all() ? List.of("district", "base") : CONGRESS_LEVELS;
    var listed = new Selection(campaignId, levels, visibility);
    var rows = queries.page(listed, (long) page * size, size);
    var cellCounts = queries.cellCountsByParent(new Selection(campaignId, CONGRESS_LEVELS, visibility), window,
        rows.stream().filter(r -> "base".equals(r.level())).map(CongressRow::organisationId).toList());
    var organisations = rows.stream().map(row -> view(campaign, row, window, cellCounts)).toList();
    return new ProgressView(campaign.id(), campaign.name(), window.today(), dueSoonDays, visibility.all(),
        CONGRESS_LEVELS.stream().map(level -> levelCount(level, counts.get(level))).toList(),
        pilot(campaign, window), organisations, deadlines(campaign),
        new ProgressView.PageView(page, size, queries.total(listed)), launch(campaignId));
  }

  OrganisationDetail organisation(String campaignId, String organisationId, Caller caller) {
    var campaign = campaigns.definition(campaignId);
    var visibility = visibility(caller, campaign);
    var window = ProgressWindow.now(dueSoonDays);
    var rows = queries.rows(new Selection(campaignId, CONGRESS_LEVELS, visibility, organisationId));
    var own = rows.stream().filter(r -> r.organisationId().equals(organisationId)).findFirst()
        .orElseThrow(() -> new NotVisibleException("Không có hoặc không được xem tổ chức '" + organisationId + "'"));
    var cellCounts = queries.cellCountsByParent(new Selection(campaignId, CONGRESS_LEVELS, visibility, organisationId),
        window, List.of(organisationId));
    var cells = rows.stream().filter(r -> organisationId.equals(r.parentId()))
        .map(row -> view(campaign, row, window, Map.of())).toList();
    var steps = own.steps().stream().map(s -> new StepView(s.kind(), s.key(), s.name(),
        ProgressProjection.TASK.equals(s.kind()) ? TASKLIST.formatted(s.id()) : null)).toList();
    var decisions = decisionRecord.ofOrganisation(campaignId, organisationId).stream()
        .map(d -> new DecisionView(d.step(), d.stepName(), d.round(), d.decision(),
            DecisionViews.decisionName(d.decision()), d.comment(), d.newDeadline(), d.directingMember(),
            decisionRecord.nameOf(d.decidedBy()),
            java.time.LocalDateTime.ofInstant(d.decidedAt(), DueDates.ZONE))).toList();
    return new OrganisationDetail(view(campaign, own, window, cellCounts), steps, cells, decisions);
  }

  /** Every congress the caller sees, cells included, in campaign-file order: the rows of the report. */
  List<OrganisationView> all(String campaignId, Caller caller) {
    var campaign = campaigns.definition(campaignId);
    var window = ProgressWindow.now(dueSoonDays);
    var rows = queries.rows(new Selection(campaignId, CONGRESS_LEVELS, visibility(caller, campaign)));
    return rows.stream().map(row -> view(campaign, row, window, Map.of())).toList();
  }

  private LaunchView launch(String campaignId) {
    var launch = launchProgress.of(campaignId);
    return new LaunchView(launch.expected(), launch.started(), launch.percent(), launch.finished(),
        launch.seconds(ClockUtil.getCurrentTime().toInstant()));
  }

  CampaignDefinition definition(String campaignId) {
    return campaigns.definition(campaignId);
  }

  private Visibility visibility(Caller caller, CampaignDefinition campaign) {
    return Visibility.required(caller, campaign, campaigns.index(campaign.id()));
  }

  private OrganisationView view(CampaignDefinition campaign, CongressRow row, ProgressWindow window,
      Map<String, Counts> cellCounts) {
    var status = row.status(window);
    String taskId = row.openTaskId();
    var cells = cellCounts.get(row.organisationId());
    return new OrganisationView(row.organisationId(), row.name(), row.level(), ProgressView.levelName(row.level()),
        row.parentId(), row.organisationId().equals(campaign.pilot().organisation()), status, status.label(),
        row.stepText(), row.due(), row.daysLate(window), row.startedOn(), row.endedOn(), row.processInstanceId(), taskId,
        row.done() ? null : COCKPIT.formatted(row.processInstanceId()),
        taskId == null ? null : TASKLIST.formatted(taskId), cells == null ? null : levelCount("cell", cells));
  }

  private PilotView pilot(CampaignDefinition campaign, ProgressWindow window) {
    String pilotId = campaign.pilot().organisation();
    var row = queries.rows(new Selection(campaign.id(), List.of("base"), Visibility.ALL, pilotId)).stream()
        .filter(r -> r.organisationId().equals(pilotId)).findFirst();
    var published = queries.milestoneReached(campaign.id(), "PilotLessonsPublished");
    String lessonsStep = published.isPresent() ? "Đã công bố bài học kinh nghiệm"
        : queries.campaignRow(campaign.id()).filter(r -> !r.steps().isEmpty()).map(CongressRow::stepText)
            .orElse("Chờ đại hội điểm hoàn thành");
    String name = campaigns.index(campaign.id()).organisation(pilotId).map(CampaignDefinition.Organisation::name)
        .orElse(pilotId);
    var status = row.map(r -> r.status(window)).orElse(Status.IN_PROGRESS);
    return new PilotView(pilotId, name, status, status.label(), row.map(CongressRow::stepText).orElse("—"),
        lessonsStep, published.isPresent(), published.map(at -> at.atZone(org.congressflow.campaign.DueDates.ZONE)
            .toLocalDate()).orElse(null));
  }

  private static LevelCount levelCount(String level, Counts counts) {
    if (counts == null) {
      return new LevelCount(level, ProgressView.levelName(level), 0, 0, 0, 0, 0);
    }
    return new LevelCount(level, ProgressView.levelName(level), counts.total(), counts.done(), counts.inProgress(),
        counts.dueSoon(), counts.overdue());
  }

  private static List<DeadlineView> deadlines(CampaignDefinition campaign) {
    var d = campaign.deadlines();
    return List.of(
        new DeadlineView("planIssued", "Ban hành kế hoạch", d.planIssued()),
        new DeadlineView("cellCongresses", "Hạn đại hội chi bộ trực thuộc", d.cellCongresses()),
        new DeadlineView("pilotCongress", "Hạn đại hội điểm", d.pilotCongress()),
        new DeadlineView("pilotLessons", "Hạn rút kinh nghiệm đại hội điểm", d.pilotLessons()),
        new DeadlineView("baseCongresses", "Hạn đại hội cơ sở", d.baseCongresses()),
        new DeadlineView("districtCongress", "Hạn đại hội Đảng bộ huyện", d.districtCongress()));
  }

}
