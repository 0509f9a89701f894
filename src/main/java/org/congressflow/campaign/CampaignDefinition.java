package org.congressflow.campaign;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A campaign file as read: one district, its superior, its base organisations with their cells, and the
 * deadlines of the term. Fields are nullable here; {@link CampaignValidator} says what is missing. {@code tenant}
 * (optional) names the campaign's Camunda tenant, which keeps its groups, tasks and processes apart from those of
 * every other campaign on the engine: see {@link #tenantId()}.
 */
public record CampaignDefinition(
    String id,
    String name,
    String term,
    Boolean illustrativeCounts,
    District district,
    Superior superior,
    Pilot pilot,
    Deadlines deadlines,
    QualityReview qualityReview,
    Rules rules,
    DeadlinePolicy deadlinePolicy,
    List<Organisation> organisations,
    String tenant) {

  /** The longest tenant id: it prefixes every group id of the campaign (varchar(64) in ACT_ID_GROUP). */
  public static final int TENANT_MAX = 32;

  /** A campaign without a tenant of its own in the file (it gets {@link #tenantId()}'s default). */
  public CampaignDefinition(String id, String name, String term, Boolean illustrativeCounts, District district,
      Superior superior, Pilot pilot, Deadlines deadlines, QualityReview qualityReview, Rules rules,
      DeadlinePolicy deadlinePolicy, List<Organisation> organisations) {
    this(id, name, term, illustrativeCounts, district, superior, pilot, deadlines, qualityReview, rules,
        deadlinePolicy, organisations, null);
  }

  /**
   * The campaign's Camunda tenant: the file's {@code tenant}, else the campaign id (its first {@value #TENANT_MAX}
   * characters, without a trailing hyphen). Null only when the file has neither.
   */
  public String tenantId() {
    if (tenant != null || id == null) {
      return tenant;
    }
    String cut = id.length() <= TENANT_MAX ? id : id.substring(0, TENANT_MAX);
    return cut.replaceAll("-+$", "");
  }

  public record District(String id, String name, String congressName, Integer congressNumber, Integer delegates) {}

  public record Superior(String id, String name) {}

  /**
   * The base committee holding the pilot congress; {@code directSecretaryElection}: whether its congress also
   * trials the direct election of the secretary (the seed's "thí điểm"), true when the file does not say.
   */
  public record Pilot(String organisation, Boolean directSecretaryElection) {

    public boolean electsSecretaryDirectly() {
      return directSecretaryElection == null || directSecretaryElection;
    }
  }

  public record Deadlines(
      LocalDate planIssued,
      LocalDate cellCongresses,
      LocalDate pilotCongress,
      LocalDate pilotLessons,
      LocalDate baseCongresses,
      LocalDate districtCongress,
      LocalDate provincialCongress) {

    /** Ninh Bình's provincial congress (14 Oct 2020) came 61 days after Yên Khánh's district congress deadline. */
    static final int PROVINCIAL_DAYS_AFTER_DISTRICT = 61;

    /** The provincial congress a work may welcome: the file's date, else 61 days after the district congress. */
    public LocalDate provincialCongressDate() {
      if (provincialCongress != null || districtCongress == null) {
        return provincialCongress;
      }
      return districtCongress.plusDays(PROVINCIAL_DAYS_AFTER_DISTRICT);
    }

    Deadlines shiftedBy(long days) {
      return new Deadlines(plus(planIssued, days), plus(cellCongresses, days), plus(pilotCongress, days),
          plus(pilotLessons, days), plus(baseCongresses, days), plus(districtCongress, days),
          plus(provincialCongress, days));
    }

    private static LocalDate plus(LocalDate date, long days) {
      return date == null ? null : date.plusDays(days);
    }
  }

  /**
   * The yearly quality review run during the campaign (the seed's review of 2019): the year reviewed, the day the
   * self-reviews and opinions are due (the guidance: civil servants rated before 15 Dec), the decisions and the
   * publication (around Jan-Feb of the following year). Null fields take {@link #of} defaults.
   */
  public record QualityReview(Integer year, LocalDate selfReviewBy, LocalDate decisionsBy, LocalDate publishBy) {

    /**
     * Every field set: the year defaults to the year the plan is issued; the dates to 15 Dec of the year, 31 Jan
     * and 28 Feb of the following year.
     */
    static QualityReview of(QualityReview file, Deadlines deadlines) {
      Integer year = file != null && file.year != null ? file.year
          : deadlines == null || deadlines.planIssued() == null ? null : deadlines.planIssued().getYear();
      if (year == null) {
        return file;
      }
      return new QualityReview(year,
          file != null && file.selfReviewBy != null ? file.selfReviewBy : LocalDate.of(year, 12, 15),
          file != null && file.decisionsBy != null ? file.decisionsBy : LocalDate.of(year + 1, 1, 31),
          file != null && file.publishBy != null ? file.publishBy : LocalDate.of(year + 1, 2, 28));
    }

    QualityReview shiftedBy(long days) {
      return new QualityReview(year, Deadlines.plus(selfReviewBy, days), Deadlines.plus(decisionsBy, days),
          Deadlines.plus(publishBy, days));
    }
  }

  /**
   * How deadlines are watched: reminders before (lead days), escalation repeated every so many days, the
   * days a gate may take, and whether days are counted as working days (weekends and holidays skipped).
   */
  public record DeadlinePolicy(
      List<Integer> reminderLeadDays,
      Integer escalationRepeatDays,
      Boolean workingDays,
      List<LocalDate> holidays,
      Map<String, Integer> gateDays,
      Integer defaultGateDays) {

    public static final DeadlinePolicy DEFAULT =
        new DeadlinePolicy(List.of(14, 3), 7, false, List.of(), Map.of(), 10);

    public List<Integer> leadDays() {
      return reminderLeadDays == null ? DEFAULT.reminderLeadDays : reminderLeadDays;
    }

    public int repeatDays() {
      return escalationRepeatDays == null ? DEFAULT.escalationRepeatDays : escalationRepeatDays;
    }

    public boolean countsWorkingDays() {
      return Boolean.TRUE.equals(workingDays);
    }

    public List<LocalDate> holidayList() {
      return holidays == null ? List.of() : holidays;
    }

    /** Days a gate task may take before it is overdue: its own entry in gateDays, else defaultGateDays. */
    public int daysFor(String gate) {
      int otherwise = defaultGateDays == null ? DEFAULT.defaultGateDays : defaultGateDays;
      return gateDays == null ? otherwise : gateDays.getOrDefault(gate, otherwise);
    }
  }

  /** Defaults of the Party's guidance that a campaign may change; null means the default. */
  public record Rules(Integer delegatesCongressFromMembers, Integer maxDistrictDelegates, String cellTerm,
      PersonnelRules personnel) {

    public Rules(Integer delegatesCongressFromMembers, Integer maxDistrictDelegates, String cellTerm) {
      this(delegatesCongressFromMembers, maxDistrictDelegates, cellTerm, null);
    }
  }

  /**
   * The structure of a personnel plan (processes/decisions/personnel-plan-structure.dmn reads these): women at
   * least a share of the committee and a number in its standing committee, the under-40s at least a share (per
   * level: the guidance asks it of the district), nominees at most a share over the seats, and the committee size
   * within the superior's limits per level. Null means the default of the brief ({@link #DEFAULT}).
   */
  public record PersonnelRules(
      Integer womenMinPercent,
      Integer standingCommitteeWomenMin,
      Map<String, Integer> youngMinPercent,
      Integer overNominationMaxPercent,
      Map<String, Integer> committeeSizeMin,
      Map<String, Integer> committeeSizeMax) {

    public static final PersonnelRules DEFAULT = new PersonnelRules(15, 1, Map.of("district", 10), 30,
        Map.of("base", 3, "district", 15), Map.of("base", 19, "district", 45));

    /** Every value set: this file's where given, else the default. */
    public PersonnelRules resolved() {
      return new PersonnelRules(or(womenMinPercent, DEFAULT.womenMinPercent),
          or(standingCommitteeWomenMin, DEFAULT.standingCommitteeWomenMin),
          merged(DEFAULT.youngMinPercent, youngMinPercent), or(overNominationMaxPercent, DEFAULT.overNominationMaxPercent),
          merged(DEFAULT.committeeSizeMin, committeeSizeMin), merged(DEFAULT.committeeSizeMax, committeeSizeMax));
    }

    private static Integer or(Integer value, Integer otherwise) {
      return value == null ? otherwise : value;
    }

    private static Map<String, Integer> merged(Map<String, Integer> defaults, Map<String, Integer> given) {
      var merged = new java.util.HashMap<>(defaults);
      if (given != null) {
        merged.putAll(given);
      }
      return Map.copyOf(merged);
    }
  }

  /**
   * A base party organisation: a base committee (with affiliated cells) or a base cell. {@code congress} says
   * "members" or "delegates" when the member count alone does not decide it; a delegates' congress under the
   * member threshold needs its {@code congressReason} (e.g. members working far apart), as the guidance asks.
   */
  public record Organisation(String id, String name, String type, String kind, Integer members, String congress,
      String congressReason, List<Cell> cells) {

    public static final String BASE_COMMITTEE = "base-committee";
    public static final String BASE_CELL = "base-cell";

    /** An organisation whose congress follows from its member count (no reason to state). */
    public Organisation(String id, String name, String type, String kind, Integer members, String congress,
        List<Cell> cells) {
      this(id, name, type, kind, members, congress, null, cells);
    }

    public List<Cell> cellList() {
      return cells == null ? List.of() : cells;
    }

    @JsonIgnore
    public boolean isBaseCommittee() {
      return BASE_COMMITTEE.equals(type);
    }
  }

  /** A cell affiliated to a base committee ("chi bộ trực thuộc"). */
  public record Cell(String id, String name, Integer members) {}

  public List<Organisation> organisationList() {
    return organisations == null ? List.of() : organisations;
  }

  public Optional<Organisation> organisation(String organisationId) {
    return organisationList().stream().filter(o -> organisationId.equals(o.id())).findFirst();
  }

  /** The base organisation a cell belongs to. */
  public Optional<Organisation> parentOf(String cellId) {
    return organisationList().stream()
        .filter(o -> o.cellList().stream().anyMatch(c -> cellId.equals(c.id())))
        .findFirst();
  }

  public Optional<Cell> cell(String cellId) {
    return organisationList().stream().flatMap(o -> o.cellList().stream())
        .filter(c -> cellId.equals(c.id())).findFirst();
  }

  public Stream<Cell> cells() {
    return organisationList().stream().flatMap(o -> o.cellList().stream());
  }

  /**
   * The same campaign under another id (a copy of a campaign file that can run beside the original), in the tenant
   * of its new id.
   */
  public CampaignDefinition withId(String newId) {
    return new CampaignDefinition(newId, name, term, illustrativeCounts, district, superior, pilot, deadlines,
        qualityReview, rules, deadlinePolicy, organisations, null);
  }

  /** The same campaign with another list of organisations (real counts: not illustrative). */
  public CampaignDefinition withOrganisations(List<Organisation> newOrganisations) {
    return new CampaignDefinition(id, name, term, false, district, superior, pilot, deadlines, qualityReview, rules,
        deadlinePolicy, newOrganisations, tenant);
  }

  /**
   * The same campaign with every date moved by the given number of days. The review's defaults are fixed first,
   * so the year reviewed stays the file's and only its dates move.
   */
  public CampaignDefinition shiftedBy(long days) {
    return new CampaignDefinition(id, name, term, illustrativeCounts, district, superior, pilot,
        deadlines.shiftedBy(days), review().shiftedBy(days), rules, deadlinePolicy, organisations, tenant);
  }

  /** The quality review with its defaults filled in. */
  public QualityReview review() {
    return QualityReview.of(qualityReview, deadlines);
  }

  public DeadlinePolicy policy() {
    return deadlinePolicy == null ? DeadlinePolicy.DEFAULT : deadlinePolicy;
  }

  public int delegatesCongressFromMembers() {
    return rules == null || rules.delegatesCongressFromMembers() == null ? 200 : rules.delegatesCongressFromMembers();
  }

  /** Cells under a base committee hold congresses twice a term, so their term is shorter. */
  public String cellTerm() {
    return rules == null || rules.cellTerm() == null ? term : rules.cellTerm();
  }

  public int maxDistrictDelegates() {
    return rules == null || rules.maxDistrictDelegates() == null ? 300 : rules.maxDistrictDelegates();
  }

  /** The personnel plan's structure rules of this campaign, defaults filled in. */
  public PersonnelRules personnelRules() {
    return rules == null || rules.personnel() == null ? PersonnelRules.DEFAULT : rules.personnel().resolved();
  }
}
