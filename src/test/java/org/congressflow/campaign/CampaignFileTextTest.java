package org.congressflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A campaign file's text: UTF-8 and nothing else, not double-encoded, not larger than a national campaign needs. */
class CampaignFileTextTest {

  @TempDir Path folder;

  @Test
  void aFileThatIsNotUtf8IsRefusedWithTheLineAndColumnOfItsBadByte() {
    BrokenCampaignFiles.notUtf8().isRefusedIn(folder);
  }

  @Test
  void aUtf16FileIsRefusedAsNotUtf8() {
    BrokenCampaignFiles.utf16().isRefusedIn(folder);
  }

  @Test
  void doubleEncodedTextIsRefusedWithWhatItWouldRead() {
    BrokenCampaignFiles.doubleEncoded().isRefusedIn(folder);
  }

  @Test
  void aControlCharacterIsRefusedWithItsLineAndColumn() {
    BrokenCampaignFiles.controlCharacter().isRefusedIn(folder);
  }

  @Test
  void aFileOverTheSizeLimitIsRefusedWithItsSizeAndTheLimitWithoutBeingRead() throws Exception {
    assertThat(BrokenCampaignFiles.refusal(BrokenCampaignFiles.tooLarge(folder)))
        .containsExactly(BrokenCampaignFiles.TOO_LARGE);
  }

  @Test
  void aByteOrderMarkIsAccepted() throws Exception {
    byte[] text = BrokenCampaignFiles.yenKhanh().getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);

    var campaign = new CampaignFileReader().read(Files.write(folder.resolve("bom.yaml"), withBom));

    assertThat(campaign.id()).isEqualTo("yen-khanh-2020-2025");
  }

  @Test
  void vietnameseCapitalsBeforeQuotesOrSignsAreNotTakenForDoubleEncoding() {
    String yaml = BrokenCampaignFiles.yenKhanh()
        .replace("\"Đảng bộ xã Khánh An\"", "\"Đảng bộ xã KHÁNH AN “THÔ” Â° ½\"");

    assertThat(new CampaignFileReader().parse(yaml, "test.yaml").organisationList().get(1).name())
        .isEqualTo("Đảng bộ xã KHÁNH AN “THÔ” Â° ½");
  }

  @Test
  void aWhollyDoubleEncodedFileListsTenLinesAndCountsTheRest() {
    String text = BrokenCampaignFiles.yenKhanh();
    String twice = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);

    var problems = BrokenCampaignFiles.refusal(write("all-twice.yaml", twice));

    assertThat(problems.stream().filter(p -> p.startsWith("line ") && p.contains("looks double-encoded"))).hasSize(10);
    assertThat(problems).anyMatch(p -> p.matches("and \\d+ more line\\(s\\) with text that looks double-encoded"));
  }


  private Path write(String name, String text) {
    try {
      return Files.writeString(folder.resolve(name), text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
