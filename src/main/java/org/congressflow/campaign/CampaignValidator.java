package org.congressflow.campaign;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.congressflow.campaign.CampaignDefinition.Cell;
import org.congressflow.campaign.CampaignDefinition.Deadlines;
import org.congressflow.campaign.CampaignDefinition.Organisation;

/** Checks a campaign file and lists every problem by its path in the file. */
class CampaignValidator {

  static final Set<String> KINDS = Set.of("commune", "town", "agency", "police", "military", "school", "enterprise");
  private static final Set<String> TYPES = Set.of(Organisation.BASE_COMMITTEE, Organisation.BASE_CELL);
  private static final Set<String> CONGRESS_FORMS = Set.of("members", "delegates");
  private static final List<String> GATES = List.of("ApproveDocuments", "ApprovePersonnelPlan", "RatifyResults");
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  List<String> problems(CampaignDefinition campaign) {
    var check = new Checks();
    check.id("id", campaign.id());
    if (campaign.tenant() != null) {
      check.id("tenant", campaign.tenant());
    }
    check.text("name", campaign.name());
    check.text("term", campaign.term());
    district(campaign, check);
    if (campaign.superior() == null) {
      check.add("superior", "missing");
    } else {
      check.id("superior.id", campaign.superior().id());
      check.text("superior.name", campaign.superior().name());
    }
    deadlines(campaign.deadlines(), check);
    qualityReview(campaign, check);
    deadlinePolicy(campaign.deadlinePolicy(), check);
    personnelRules(campaign.rules() == null ? null : campaign.rules().personnel(), check);
    organisations(campaign, check);
    pilot(campaign, check);
    CampaignLimits.check(campaign, check.problems);
    return check.problems.list();
  }

  private void district(CampaignDefinition campaign, Checks check) {
    var district = campaign.district();
    if (district == null) {
      check.add("district", "missing");
      return;
    }
    check.id("district.id", district.id());
    check.text("district.name", district.name());
    check.text("district.congressName", district.congressName());
    check.positive("district.congressNumber", district.congressNumber());
    check.positive("district.delegates", district.delegates());
    if (district.delegates() != null && district.delegates() > campaign.maxDistrictDelegates()) {
      check.add("district.delegates", district.delegates() + " is more than the allowed "
          + campaign.maxDistrictDelegates() + " (rules.maxDistrictDelegates)");
    }
  }

  private void deadlines(Deadlines d, Checks check) {
    if (d == null) {
      check.add("deadlines", "missing");
      return;
    }
    check.present("deadlines.planIssued", d.planIssued());
    check.present("deadlines.cellCongresses", d.cellCongresses());
    check.present("deadlines.pilotCongress", d.pilotCongress());
    check.present("deadlines.pilotLessons", d.pilotLessons());
    check.present("deadlines.baseCongresses", d.baseCongresses());
    check.present("deadlines.districtCongress", d.districtCongress());
    check.before("planIssued", d.planIssued(), "cellCongresses", d.cellCongresses());
    check.before("planIssued", d.planIssued(), "pilotCongress", d.pilotCongress());
    check.notAfter("pilotCongress", d.pilotCongress(), "pilotLessons", d.pilotLessons());
    check.notAfter("pilotLessons", d.pilotLessons(), "baseCongresses", d.baseCongresses());
    check.notAfter("cellCongresses", d.cellCongresses(), "baseCongresses", d.baseCongresses());
    check.before("baseCongresses", d.baseCongresses(), "districtCongress", d.districtCongress());
    check.before("districtCongress", d.districtCongress(), "provincialCongress", d.provincialCongress());
  }

  /** The review's dates, the file's or their defaults (see {@link CampaignDefinition.QualityReview}), in order. */
  private void qualityReview(CampaignDefinition campaign, Checks check) {
    var file = campaign.qualityReview();
    if (file == null) {
      return;
    }
    if (file.year() != null && (file.year() < 1930 || file.year() > 2100)) {
      check.add("qualityReview.year", file.year() + " is not a year between 1930 and 2100");
      return;
    }
    var review = campaign.review();
    if (review == null || review.year() == null) {
      return;
    }
    if (review.selfReviewBy().getYear() < review.year()) {
      check.add("qualityReview.selfReviewBy", review.selfReviewBy() + " is before the year reviewed ("
          + review.year() + ")");
    }
    check.order("qualityReview", "selfReviewBy", review.selfReviewBy(), "decisionsBy", review.decisionsBy());
    check.order("qualityReview", "decisionsBy", review.decisionsBy(), "publishBy", review.publishBy());
  }

  private void deadlinePolicy(CampaignDefinition.DeadlinePolicy policy, Checks check) {
    if (policy == null) {
      return;
    }
    var leads = policy.leadDays();
    for (int i = 0; i < leads.size(); i++) {
      check.positive("deadlinePolicy.reminderLeadDays[" + i + "]", leads.get(i));
    }
    var holidays = policy.holidayList();
    for (int i = 0; i < holidays.size(); i++) {
      check.present("deadlinePolicy.holidays[" + i + "]", holidays.get(i));
    }
    if (policy.escalationRepeatDays() != null) {
      check.positive("deadlinePolicy.escalationRepeatDays", policy.escalationRepeatDays());
    }
    if (policy.defaultGateDays() != null) {
      check.positive("deadlinePolicy.defaultGateDays", policy.defaultGateDays());
    }
    if (policy.gateDays() != null) {
      policy.gateDays().forEach((gate, days) -> {
        if (!GATES.contains(gate)) {
          check.add("deadlinePolicy.gateDays." + gate, "unknown gate (one of " + String.join(", ", GATES) + ")");
        }
        check.positive("deadlinePolicy.gateDays." + gate, days);
      });
    }
  }

  private static final Set<String> PERSONNEL_LEVELS = Set.of("base", "district");

  private void personnelRules(CampaignDefinition.PersonnelRules rules, Checks check) {
    if (rules == null) {
      return;
    }
    String path = "rules.personnel.";
    percent(path + "womenMinPercent", rules.womenMinPercent(), check);
    percent(path + "overNominationMaxPercent", rules.overNominationMaxPercent(), check);
    if (rules.standingCommitteeWomenMin() != null && rules.standingCommitteeWomenMin() < 0) {
      check.add(path + "standingCommitteeWomenMin", "must not be negative, not " + rules.standingCommitteeWomenMin());
    }
    perLevel(path + "youngMinPercent", rules.youngMinPercent(), check, true);
    perLevel(path + "committeeSizeMin", rules.committeeSizeMin(), check, false);
    perLevel(path + "committeeSizeMax", rules.committeeSizeMax(), check, false);
    var resolved = rules.resolved();
    for (String level : PERSONNEL_LEVELS) {
      Integer min = resolved.committeeSizeMin().get(level);
      Integer max = resolved.committeeSizeMax().get(level);
      if (min != null && max != null && min > max) {
        check.add(path + "committeeSizeMax." + level, max + " is less than committeeSizeMin." + level + " (" + min + ")");
      }
    }
  }

  private static void percent(String path, Integer value, Checks check) {
    if (value != null && (value < 0 || value > 100)) {
      check.add(path, "must be a percentage from 0 to 100, not " + value);
    }
  }

  private static void perLevel(String path, java.util.Map<String, Integer> values, Checks check, boolean isPercent) {
    if (values == null) {
      return;
    }
    values.forEach((level, value) -> {
      if (!PERSONNEL_LEVELS.contains(level)) {
        check.add(path + "." + level, "unknown level (one of base, district)");
      }
      if (isPercent) {
        percent(path + "." + level, value, check);
      } else {
        check.positive(path + "." + level, value);
      }
    });
  }

  private void organisations(CampaignDefinition campaign, Checks check) {
    if (campaign.organisationList().isEmpty()) {
      check.add("organisations", "at least one base organisation is needed");
      return;
    }
    Map<String, String> firstUse = new HashMap<>();
    if (campaign.district() != null && campaign.district().id() != null) {
      firstUse.put(campaign.district().id(), "district.id");
    }
    for (int i = 0; i < campaign.organisationList().size(); i++) {
      Organisation org = campaign.organisationList().get(i);
      String path = "organisations[" + i + "]";
      if (org == null) {
        check.add(path, "empty entry");
        continue;
      }
      check.unique(path + ".id", org.id(), firstUse);
      check.text(path + ".name", org.name());
      check.oneOf(path + ".type", org.type(), TYPES);
      check.oneOf(path + ".kind", org.kind(), KINDS);
      check.positive(path + ".members", org.members());
      if (org.congress() != null) {
        check.oneOf(path + ".congress", org.congress(), CONGRESS_FORMS);
      }
      delegatesReason(campaign, org, path, check);
      if (org.isBaseCommittee() && org.cellList().isEmpty()) {
        check.add(path + ".cells", "a base committee needs at least one affiliated cell");
      }
      if (Organisation.BASE_CELL.equals(org.type()) && !org.cellList().isEmpty()) {
        check.add(path + ".cells", "a base cell has no affiliated cells (type is base-cell)");
      }
      cells(org, path, firstUse, check);
    }
  }

  /** The guidance: under the member threshold a members' congress, unless a stated reason calls for delegates. */
  private void delegatesReason(CampaignDefinition campaign, Organisation org, String path, Checks check) {
    boolean underThreshold = org.members() != null && org.members() < campaign.delegatesCongressFromMembers();
    if ("delegates".equals(org.congress()) && underThreshold
        && (org.congressReason() == null || org.congressReason().isBlank())) {
      check.add(path + ".congressReason", "missing: a delegates' congress for " + org.members() + " members (under the "
          + campaign.delegatesCongressFromMembers() + " of rules.delegatesCongressFromMembers) needs a stated reason");
    }
  }

  private void cells(Organisation org, String path, Map<String, String> firstUse, Checks check) {
    int total = 0;
    for (int j = 0; j < org.cellList().size(); j++) {
      Cell cell = org.cellList().get(j);
      String cellPath = path + ".cells[" + j + "]";
      if (cell == null) {
        check.add(cellPath, "empty entry");
        continue;
      }
      check.unique(cellPath + ".id", cell.id(), firstUse);
      check.text(cellPath + ".name", cell.name());
      check.positive(cellPath + ".members", cell.members());
      total += cell.members() == null ? 0 : cell.members();
    }
    if (org.members() != null && total > org.members()) {
      check.add(path + ".cells", "the cells have " + total + " members, more than the organisation's " + org.members());
    }
  }

  private void pilot(CampaignDefinition campaign, Checks check) {
    var pilot = campaign.pilot();
    if (pilot == null || pilot.organisation() == null || pilot.organisation().isBlank()) {
      check.add("pilot.organisation", "missing: name the base committee that holds the pilot congress");
      return;
    }
    String id = pilot.organisation();
    // empty entries are reported as such above
    var organisations = campaign.organisationList().stream().filter(Objects::nonNull).toList();
    var org = organisations.stream().filter(o -> id.equals(o.id())).findFirst();
    var parent = organisations.stream()
        .filter(o -> o.cellList().stream().anyMatch(c -> c != null && id.equals(c.id()))).findFirst();
    if (org.isPresent() && !org.get().isBaseCommittee()) {
      check.add("pilot.organisation", "'" + id + "' is a " + org.get().type() + ", the pilot must be a base-committee");
    } else if (org.isEmpty() && parent.isPresent()) {
      check.add("pilot.organisation", "'" + id + "' is a cell, the pilot must be a base committee (such as its own, '"
          + parent.get().id() + "')");
    } else if (org.isEmpty()) {
      check.add("pilot.organisation", "unknown organisation '" + id + "'");
    }
  }

  /** The checks of the validator, each adding "path: what is wrong" to the file's problems. */
  private static final class Checks {
    final Problems problems = new Problems();

    void add(String path, String problem) {
      problems.add(path, problem);
    }

    void text(String path, String value) {
      if (value == null || value.isBlank()) {
        add(path, "missing");
      }
    }

    void id(String path, String value) {
      text(path, value);
      if (value != null && !value.isBlank() && !ID.matcher(value).matches()) {
        add(path, "'" + value + "' is not a valid id (lower-case letters, digits and single hyphens)");
      }
    }

    void unique(String path, String value, Map<String, String> firstUse) {
      id(path, value);
      if (value == null) {
        return;
      }
      String first = firstUse.putIfAbsent(value, path);
      if (first != null) {
        add(path, "duplicate '" + value + "' (already used at " + first + ")");
      }
    }

    void positive(String path, Integer value) {
      if (value == null) {
        add(path, "missing");
      } else if (value <= 0) {
        add(path, "must be a positive number, not " + value);
      }
    }

    void present(String path, LocalDate value) {
      if (value == null) {
        add(path, "missing");
      }
    }

    void oneOf(String path, String value, Set<String> allowed) {
      if (value == null) {
        add(path, "missing (one of " + String.join(", ", allowed.stream().sorted().toList()) + ")");
      } else if (!allowed.contains(value)) {
        add(path, "'" + value + "' is not one of " + String.join(", ", allowed.stream().sorted().toList()));
      }
    }

    void before(String firstName, LocalDate first, String secondName, LocalDate second) {
      if (first != null && second != null && !first.isBefore(second)) {
        add("deadlines." + secondName, second + " must be after " + firstName + " (" + first + ")");
      }
    }

    void notAfter(String firstName, LocalDate first, String secondName, LocalDate second) {
      order("deadlines", firstName, first, secondName, second);
    }

    void order(String section, String firstName, LocalDate first, String secondName, LocalDate second) {
      if (first != null && second != null && first.isAfter(second)) {
        add(section + "." + secondName, second + " must not be before " + firstName + " (" + first + ")");
      }
    }
  }
}
