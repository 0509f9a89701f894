package org.congressflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The campaign file: the Yên Khánh default is valid, and each kind of fault is reported by its path. */
class CampaignFileTest {

  static final Path YEN_KHANH = Path.of("config/campaigns/yen-khanh-2020-2025.yaml");

  private final CampaignFileReader reader = new CampaignFileReader();

  @Test
  void yenKhanhCampaignHoldsTheSeedsOrganisationsAndDeadlines() {
    var campaign = reader.read(YEN_KHANH);

    assertThat(campaign.district().congressNumber()).isEqualTo(24);
    assertThat(campaign.superior().name()).isEqualTo("Tỉnh ủy Ninh Bình");
    assertThat(campaign.pilot().organisation()).isEqualTo("khanh-trung");
    assertThat(campaign.illustrativeCounts()).as("member and cell counts are marked illustrative").isTrue();
    assertThat(campaign.organisationList()).extracting(o -> o.name()).contains(
        "Đảng bộ thị trấn Yên Ninh", "Đảng bộ xã Khánh An", "Đảng bộ xã Khánh Công", "Đảng bộ xã Khánh Cư",
        "Đảng bộ xã Khánh Cường", "Đảng bộ xã Khánh Hải", "Đảng bộ xã Khánh Hòa", "Đảng bộ xã Khánh Hội",
        "Đảng bộ xã Khánh Hồng", "Đảng bộ xã Khánh Lợi", "Đảng bộ xã Khánh Mậu", "Đảng bộ xã Khánh Nhạc",
        "Đảng bộ xã Khánh Phú", "Đảng bộ xã Khánh Thành", "Đảng bộ xã Khánh Thiện", "Đảng bộ xã Khánh Thủy",
        "Đảng bộ xã Khánh Tiên", "Đảng bộ xã Khánh Trung", "Đảng bộ xã Khánh Vân",
        "Đảng bộ Công an huyện", "Đảng bộ Quân sự huyện");
    assertThat(campaign.organisationList()).extracting(o -> o.kind())
        .contains("town", "commune", "agency", "police", "military", "school");
    assertThat(campaign.organisationList()).anyMatch(o -> o.type().equals("base-cell"));
    assertThat(campaign.deadlines().cellCongresses()).isEqualTo(LocalDate.of(2020, 3, 31));
    assertThat(campaign.deadlines().baseCongresses()).isEqualTo(LocalDate.of(2020, 6, 30));
    assertThat(campaign.deadlines().districtCongress()).isEqualTo(LocalDate.of(2020, 8, 14));
  }

  @Test
  void yenKhanhCampaignNamesTheProvincialCongressTheReviewYearTheGateDaysAndThePilotsTrial() {
    var campaign = reader.read(YEN_KHANH);

    assertThat(campaign.deadlines().provincialCongress()).isEqualTo(LocalDate.of(2020, 10, 14));
    assertThat(campaign.qualityReview()).isEqualTo(new CampaignDefinition.QualityReview(2019,
        LocalDate.of(2019, 12, 15), LocalDate.of(2020, 1, 31), LocalDate.of(2020, 2, 28)));
    assertThat(campaign.policy().defaultGateDays()).isEqualTo(10);
    assertThat(campaign.policy().daysFor("RatifyResults")).as("a gate's own entry").isEqualTo(15);
    assertThat(campaign.pilot().directSecretaryElection()).as("the pilot trials the direct election").isTrue();
  }

  @Test
  void factsLeftOutOfTheFileTakeTheGuidancesDefaults() throws Exception {
    String yaml = Files.readString(YEN_KHANH)
        .replaceAll("(?m)^  provincialCongress: .*\n", "")
        .replaceAll("(?m)^qualityReview:.*\n(^  .*\n)+", "")
        .replaceAll("(?m)^  defaultGateDays: .*\n", "")
        .replaceAll("(?m)^  gateDays: .*\n", "")
        .replaceAll("(?m)^  directSecretaryElection: .*\n", "");
    var campaign = reader.parse(yaml, "test.yaml");

    assertThat(campaign.deadlines().provincialCongress()).isNull();
    assertThat(campaign.qualityReview()).isNull();
    assertThat(campaign.deadlines().provincialCongressDate()).as("61 days after the district congress")
        .isEqualTo(LocalDate.of(2020, 10, 14));
    assertThat(campaign.review()).as("the year the plan is issued").isEqualTo(new CampaignDefinition.QualityReview(
        2019, LocalDate.of(2019, 12, 15), LocalDate.of(2020, 1, 31), LocalDate.of(2020, 2, 28)));
    assertThat(campaign.policy().daysFor("ApproveDocuments")).isEqualTo(10);
    assertThat(campaign.pilot().electsSecretaryDirectly()).isTrue();
  }

  @Test
  void aReviewYearAloneGivesThatYearsDatesAndAGateWithoutItsOwnEntryTheDefaultGateDays() throws Exception {
    String yaml = Files.readString(YEN_KHANH)
        .replaceAll("(?m)^qualityReview:.*\n(^  .*\n)+", "qualityReview: { year: 2024 }\n")
        .replace("defaultGateDays: 10", "defaultGateDays: 4")
        .replace("directSecretaryElection: true", "directSecretaryElection: false");
    var campaign = reader.parse(yaml, "test.yaml");

    assertThat(campaign.review()).isEqualTo(new CampaignDefinition.QualityReview(
        2024, LocalDate.of(2024, 12, 15), LocalDate.of(2025, 1, 31), LocalDate.of(2025, 2, 28)));
    assertThat(campaign.policy().daysFor("AnyOtherGate")).isEqualTo(4);
    assertThat(campaign.policy().daysFor("ApproveDocuments")).isEqualTo(10);
    assertThat(campaign.pilot().electsSecretaryDirectly()).isFalse();
  }

  @Test
  void reviewDatesOutOfOrderAndAProvincialCongressBeforeTheDistrictsAreReported() throws Exception {
    String yaml = Files.readString(YEN_KHANH)
        .replace("provincialCongress: 2020-10-14", "provincialCongress: 2020-08-14")
        .replace("selfReviewBy: 2019-12-15", "selfReviewBy: 2020-02-01")
        .replace("publishBy: 2020-02-28", "publishBy: 2020-01-15");

    assertThat(problems(yaml)).containsExactlyInAnyOrder(
        "deadlines.provincialCongress: 2020-08-14 must be after districtCongress (2020-08-14)",
        "qualityReview.decisionsBy: 2020-01-31 must not be before selfReviewBy (2020-02-01)",
        "qualityReview.publishBy: 2020-01-15 must not be before decisionsBy (2020-01-31)");
  }

  @Test
  void aReviewDueBeforeItsYearAndADefaultDateOutOfOrderAreReported() throws Exception {
    assertThat(problems(Files.readString(YEN_KHANH).replace("selfReviewBy: 2019-12-15", "selfReviewBy: 2018-12-15")))
        .containsExactly("qualityReview.selfReviewBy: 2018-12-15 is before the year reviewed (2019)");
    // decisionsBy left out: its default, 31 Jan 2020, comes after the publication the file gives
    assertThat(problems(Files.readString(YEN_KHANH).replaceAll("(?m)^  decisionsBy: .*\n", "")
        .replace("publishBy: 2020-02-28", "publishBy: 2020-01-20")))
        .containsExactly("qualityReview.publishBy: 2020-01-20 must not be before decisionsBy (2020-01-31)");
  }

  @Test
  void yenKhanhCampaignStatesThePersonnelPlansStructureRulesAndABadOneSaysWhere() throws Exception {
    var rules = reader.read(YEN_KHANH).personnelRules();
    assertThat(rules.womenMinPercent()).isEqualTo(15);
    assertThat(rules.youngMinPercent()).containsExactly(java.util.Map.entry("district", 10));
    assertThat(rules.overNominationMaxPercent()).isEqualTo(30);
    assertThat(problems(Files.readString(YEN_KHANH).replace("womenMinPercent: 15", "womenMinPercent: 115")
        .replace("committeeSizeMax: { base: 19,", "committeeSizeMax: { base: 2,")
        .replace("youngMinPercent: { district: 10 }", "youngMinPercent: { province: 10 }")))
        .containsExactlyInAnyOrder("rules.personnel.womenMinPercent: must be a percentage from 0 to 100, not 115",
            "rules.personnel.committeeSizeMax.base: 2 is less than committeeSizeMin.base (3)",
            "rules.personnel.youngMinPercent.province: unknown level (one of base, district)");
  }

  @Test
  void aBadReviewYearGateDaysOrTrialFlagSaysWhere() throws Exception {
    assertThat(problems(Files.readString(YEN_KHANH).replace("year: 2019", "year: 19")))
        .containsExactly("qualityReview.year: 19 is not a year between 1930 and 2100");
    assertThat(problems(Files.readString(YEN_KHANH).replace("defaultGateDays: 10", "defaultGateDays: 0")))
        .containsExactly("deadlinePolicy.defaultGateDays: must be a positive number, not 0");
    assertThat(problems(Files.readString(YEN_KHANH).replace("directSecretaryElection: true",
        "directSecretaryElection: perhaps"))).singleElement().asString()
        .startsWith("pilot.directSecretaryElection ("
            + BrokenCampaignFiles.at(Files.readString(YEN_KHANH), "directSecretaryElection: true", "true") + "): ");
    assertThat(problems(Files.readString(YEN_KHANH).replace("publishBy: 2020-02-28", "publishBy: 28/02/2020")))
        .singleElement().asString().startsWith("qualityReview.publishBy (line ");
  }

  @Test
  void reAnchoringToTodayMovesTheProvincialCongressAndTheReviewDatesButNotTheYearReviewed() throws Exception {
    var shifted = reader.read(YEN_KHANH).shiftedBy(100);
    var withDefaults = reader.parse(Files.readString(YEN_KHANH)
        .replaceAll("(?m)^  provincialCongress: .*\n", "")
        .replaceAll("(?m)^qualityReview:.*\n(^  .*\n)+", ""), "test.yaml").shiftedBy(100);

    for (var campaign : List.of(shifted, withDefaults)) {
      assertThat(campaign.deadlines().provincialCongressDate()).isEqualTo(LocalDate.of(2020, 10, 14).plusDays(100));
      assertThat(campaign.review()).isEqualTo(new CampaignDefinition.QualityReview(2019,
          LocalDate.of(2019, 12, 15).plusDays(100), LocalDate.of(2020, 1, 31).plusDays(100),
          LocalDate.of(2020, 2, 28).plusDays(100)));
    }
  }

  @Test
  void duplicateCellIdIsReportedByPath() throws Exception {
    String yaml = Files.readString(YEN_KHANH)
        .replace("{ id: khanh-an-cb-02,", "{ id: khanh-an-cb-01,");

    assertThat(problems(yaml)).contains(
        "organisations[1].cells[1].id: duplicate 'khanh-an-cb-01' (already used at organisations[1].cells[0].id)");
  }

  @Test
  void unknownPilotIsReported() throws Exception {
    String yaml = Files.readString(YEN_KHANH).replace("organisation: khanh-trung", "organisation: khanh-trungg");

    assertThat(problems(yaml)).containsExactly("pilot.organisation: unknown organisation 'khanh-trungg'");
  }

  @Test
  void pilotThatIsNotABaseCommitteeIsReported() throws Exception {
    String yaml = Files.readString(YEN_KHANH).replace("organisation: khanh-trung", "organisation: toa-an");

    assertThat(problems(yaml)).containsExactly(
        "pilot.organisation: 'toa-an' is a base-cell, the pilot must be a base-committee");
  }

  @Test
  void deadlinesOutOfOrderAreReported() throws Exception {
    String yaml = Files.readString(YEN_KHANH)
        .replace("baseCongresses: 2020-06-30", "baseCongresses: 2020-09-30");

    assertThat(problems(yaml)).containsExactly(
        "deadlines.districtCongress: 2020-08-14 must be after baseCongresses (2020-09-30)");
  }

  @Test
  void everyProblemIsListedAtOnce() throws Exception {
    String yaml = Files.readString(YEN_KHANH)
        .replace("name: \"Đảng bộ xã Khánh An\"", "name: \"\"")
        .replace("type: base-committee\n    kind: police", "type: committee\n    kind: police")
        .replace("kind: military", "kind: army")
        .replace("members: 41\n", "members: 0\n")
        .replace("planIssued: 2019-11-20", "planIssued: 2020-04-01");

    assertThat(problems(yaml)).containsExactlyInAnyOrder(
        "deadlines.cellCongresses: 2020-03-31 must be after planIssued (2020-04-01)",
        "organisations[1].name: missing",
        "organisations[21].type: 'committee' is not one of base-cell, base-committee",
        "organisations[22].kind: 'army' is not one of agency, commune, enterprise, military, police, school, town",
        "organisations[23].members: must be a positive number, not 0");
  }

  @Test
  void cellsWithMoreMembersThanTheirOrganisationAreReported() throws Exception {
    String yaml = Files.readString(YEN_KHANH).replace("members: 412", "members: 40");

    assertThat(problems(yaml)).containsExactly(
        "organisations[0].cells: the cells have 412 members, more than the organisation's 40");
  }

  @Test
  void unknownFieldAndBadDateSayWhere() throws Exception {
    String secretary = Files.readString(YEN_KHANH).replace("    kind: town", "    kind: town\n    secretary: X");
    assertThat(problems(secretary)).containsExactly("organisations[0].secretary ("
        + BrokenCampaignFiles.at(secretary, "secretary: X") + "): unknown field 'secretary' (the fields here: "
        + BrokenCampaignFiles.FIELDS + ")");
    String badDate = Files.readString(YEN_KHANH).replace("2020-03-31", "2020-03-32");
    assertThat(problems(badDate)).singleElement().asString()
        .startsWith("deadlines.cellCongresses (" + BrokenCampaignFiles.at(badDate, "2020-03-32") + "): ");
  }

  @Test
  void aDelegatesCongressUnderTheMemberThresholdNeedsAStatedReason(@TempDir Path folder) {
    BrokenCampaignFiles.delegatesCongressWithoutAReason().isRefusedIn(folder);
  }

  @Test
  void aDelegatesCongressUnderTheThresholdWithItsReasonIsAccepted() throws Exception {
    String yaml = Files.readString(YEN_KHANH).replace("    kind: military\n    members: 57\n",
        "    kind: military\n    members: 57\n    congress: delegates\n"
            + "    congressReason: \"Đảng viên công tác phân tán ở nhiều đơn vị đóng quân xa nhau\"\n");

    var military = reader.parse(yaml, "test.yaml").organisation("quan-su-huyen").orElseThrow();

    assertThat(military.congress()).isEqualTo("delegates");
    assertThat(military.congressReason()).startsWith("Đảng viên công tác phân tán");
  }

  @Test
  void aPilotThatIsACellIsRefused(@TempDir Path folder) {
    BrokenCampaignFiles.pilotIsACell().isRefusedIn(folder);
  }

  @Test
  void brokenYamlSaysWhichLine() {
    assertThat(problems("id: x\nname: \"unclosed\nterm: 2020")).containsExactly("not valid YAML (line 3, column 11):"
        + " found unexpected end of stream (while scanning a quoted scalar)");
  }

  @Test
  void missingSectionsAreReported() {
    assertThat(problems("id: Bad Id\nname: x\nterm: 2020-2025\norganisations: []")).containsExactlyInAnyOrder(
        "id: 'Bad Id' is not a valid id (lower-case letters, digits and single hyphens)",
        "district: missing", "superior: missing", "deadlines: missing",
        "organisations: at least one base organisation is needed",
        "pilot.organisation: missing: name the base committee that holds the pilot congress");
  }

  private List<String> problems(String yaml) {
    try {
      reader.parse(yaml, "test.yaml");
    } catch (InvalidCampaignException e) {
      assertThat(e.getMessage()).startsWith("Campaign file test.yaml has " + e.problems().size() + " problem(s)");
      return e.problems();
    }
    throw new AssertionError("the campaign file was accepted");
  }

  @Test
  void validFileIsAccepted() throws Exception {
    assertThatThrownBy(() -> problems(Files.readString(YEN_KHANH))).hasMessage("the campaign file was accepted");
  }
}
