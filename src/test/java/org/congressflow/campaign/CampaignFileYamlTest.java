package org.congressflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A campaign file's YAML: one document, every field known and given once, every value of its type; each problem
 * with its path, line and column, all of them at once.
 */
class CampaignFileYamlTest {

  @TempDir Path folder;

  @Test
  void aFileWithoutACampaignIsRefusedAsEmpty() {
    BrokenCampaignFiles.empty().isRefusedIn(folder);
  }

  @Test
  void brokenYamlSaysWhichLineAndColumn() {
    BrokenCampaignFiles.tabIndentation().isRefusedIn(folder);
  }

  @Test
  void aSecondYamlDocumentIsRefused() {
    BrokenCampaignFiles.secondDocument().isRefusedIn(folder);
  }

  @Test
  void contentAfterTheEndOfTheDocumentIsRefused() {
    BrokenCampaignFiles.contentAfterTheEnd().isRefusedIn(folder);
  }

  @Test
  void aFieldGivenTwiceIsRefusedRatherThanTheFirstOneForgotten() {
    BrokenCampaignFiles.fieldGivenTwice().isRefusedIn(folder);
  }

  @Test
  void anUnknownFieldSaysWhereAndWhichFieldsThereAre() {
    BrokenCampaignFiles.unknownField().isRefusedIn(folder);
  }

  @Test
  void aWordWhereANumberBelongsSaysWhatIsExpected() {
    BrokenCampaignFiles.wordForANumber().isRefusedIn(folder);
  }

  @Test
  void anImpossibleDateSaysTheExpectedForm() {
    BrokenCampaignFiles.impossibleDate().isRefusedIn(folder);
  }

  @Test
  void aDateWrittenAnotherWaySaysTheExpectedForm() {
    BrokenCampaignFiles.dateWrittenAnotherWay().isRefusedIn(folder);
  }

  @Test
  void aFlagThatIsNotTrueOrFalseSaysSo() {
    BrokenCampaignFiles.notTrueOrFalse().isRefusedIn(folder);
  }

  @Test
  void aSingleValueWhereAListBelongsSaysSo() {
    BrokenCampaignFiles.textForAList().isRefusedIn(folder);
  }

  @Test
  void aListWhereATextBelongsSaysSo() {
    BrokenCampaignFiles.listForAText().isRefusedIn(folder);
  }

  @Test
  void aTextWhereASectionBelongsSaysSoAndIsNotAlsoCalledMissing() {
    BrokenCampaignFiles.textForASection().isRefusedIn(folder);
  }

  @Test
  void anAliasIsRefusedWithWhereItIs() {
    BrokenCampaignFiles.alias().isRefusedIn(folder);
  }

  @Test
  void everyWrongTypeAndBadDateIsListedAtOnceEachWithItsLineAndColumn() {
    BrokenCampaignFiles.everyTypeErrorAtOnce().isRefusedIn(folder);
  }

  @Test
  void aFileThatIsAListIsRefused() {
    BrokenCampaignFiles.listForTheWholeFile().isRefusedIn(folder);
  }

  @Test
  void aFileWrittenByJacksonWithQuotedDatesAndNullsIsRead() throws Exception {
    var yaml = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
        .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
        .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .writeValueAsString(new CampaignFileReader().read(CampaignFileTest.YEN_KHANH));

    assertThat(new CampaignFileReader().parse(yaml, "written.yaml"))
        .isEqualTo(new CampaignFileReader().read(CampaignFileTest.YEN_KHANH));
  }
}
