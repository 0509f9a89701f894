package org.congressflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.congressflow.campaign.CampaignDefinition.Cell;
import org.congressflow.campaign.CampaignDefinition.Organisation;
import org.junit.jupiter.api.Test;

/** What a changed campaign file would change, in the file's terms, organisations and cells by id. */
class CampaignChangesTest {

  private final CampaignDefinition yenKhanh = new CampaignFileReader().read(CampaignFileTest.YEN_KHANH);

  @Test
  void aCampaignStartedWithShiftedDatesIsUnchangedByItsOwnFile() {
    assertThat(CampaignChanges.sinceStarted(yenKhanh.shiftedBy(2200), 2200, yenKhanh)).isEmpty();
  }

  @Test
  void datesAreComparedInTheFilesTermsAndOrganisationsAndCellsById() {
    var organisations = new ArrayList<>(yenKhanh.organisationList());
    var khanhAn = organisations.remove(1);
    var cells = new ArrayList<>(khanhAn.cellList());
    cells.remove(6);
    cells.set(0, new Cell(cells.get(0).id(), "Chi bộ thôn 1", cells.get(0).members()));
    organisations.add(0, new Organisation(khanhAn.id(), khanhAn.name(), khanhAn.type(), khanhAn.kind(), 530, null,
        cells));
    organisations.removeIf(o -> o.id().equals("toa-an"));
    var file = yenKhanh.withOrganisations(organisations).shiftedBy(0);
    var d = file.deadlines();
    file = new CampaignDefinition(file.id(), file.name(), file.term(), true, file.district(), file.superior(),
        file.pilot(), new CampaignDefinition.Deadlines(d.planIssued(), d.cellCongresses(), d.pilotCongress(),
            d.pilotLessons(), LocalDate.of(2020, 9, 30), d.districtCongress(), d.provincialCongress()),
        file.qualityReview(), file.rules(), file.deadlinePolicy(), file.organisationList());

    assertThat(CampaignChanges.sinceStarted(yenKhanh.shiftedBy(100), 100, file)).containsExactly(
        "deadlines.baseCongresses: 2020-06-30 → 2020-09-30",
        "organisations: removed toa-an",
        "organisations[khanh-an].members: 520 → 530",
        "organisations[khanh-an].cells: removed khanh-an-cb-07",
        "organisations[khanh-an].cells[khanh-an-cb-01].name: 'Chi bộ xóm 1' → 'Chi bộ thôn 1'");
  }

  @Test
  void manyChangesAreCountedAfterTheFirstTwenty() {
    var renamed = yenKhanh.organisationList().stream().map(o -> new Organisation(o.id(), o.name() + " (mới)",
        o.type(), o.kind(), o.members(), o.congress(), o.cells())).toList();

    List<String> changes = CampaignChanges.between(yenKhanh, yenKhanh.withOrganisations(renamed));

    assertThat(changes).hasSize(21).last().isEqualTo("and 11 more change(s)");
  }
}
