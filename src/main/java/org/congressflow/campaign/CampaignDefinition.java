package org.congressflow.campaign;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A campaign file as read: one district, its superior, its base organisations with their cells, and the
 * deadlines of the term. Fields are nullable here; {@link CampaignValidator} says what is missing.
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
    Rules rules,
    List<Organisation> organisations) {

  public record District(String id, String name, String congressName, Integer congressNumber, Integer delegates) {}

  public record Superior(String id, String name) {}

  public record Pilot(String organisation, Boolean directSecretaryElection) {}

  public record Deadlines(
      LocalDate planIssued,
      LocalDate cellCongresses,
      LocalDate pilotCongress,
      LocalDate pilotLessons,
      LocalDate baseCongresses,
      LocalDate districtCongress) {

    Deadlines shiftedBy(long days) {
      return new Deadlines(plus(planIssued, days), plus(cellCongresses, days), plus(pilotCongress, days),
          plus(pilotLessons, days), plus(baseCongresses, days), plus(districtCongress, days));
    }

    private static LocalDate plus(LocalDate date, long days) {
      return date == null ? null : date.plusDays(days);
    }
  }

  /** Defaults of the Party's guidance that a campaign may change; null means the default. */
  public record Rules(Integer delegatesCongressFromMembers, Integer maxDistrictDelegates, String cellTerm) {}

  /** A base party organisation: a base committee (with affiliated cells) or a base cell. */
  public record Organisation(
      String id, String name, String type, String kind, Integer members, String congress, List<Cell> cells) {

    public static final String BASE_COMMITTEE = "base-committee";
    public static final String BASE_CELL = "base-cell";

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

  /** The same campaign with every date moved by the given number of days. */
  public CampaignDefinition shiftedBy(long days) {
    return new CampaignDefinition(id, name, term, illustrativeCounts, district, superior, pilot,
        deadlines.shiftedBy(days), rules, organisations);
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
}
