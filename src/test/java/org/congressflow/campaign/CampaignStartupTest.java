package org.congressflow.campaign;

import org.congressflow.organisation.Groups;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.congressflow.support.CampaignBuilder.aCampaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.congressflow.campaign.CampaignDefinition.Cell;
import org.congressflow.campaign.CampaignDefinition.Deadlines;
import org.congressflow.campaign.CampaignDefinition.District;
import org.congressflow.campaign.CampaignDefinition.Organisation;
import org.congressflow.campaign.CampaignDefinition.Pilot;
import org.congressflow.campaign.CampaignDefinition.Superior;
import org.congressflow.support.CampaignBuilder;
import org.congressflow.support.CampaignDriver;
import org.congressflow.support.CongressFlowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.JdbcTemplate;

/** Loading the campaign folder: all or nothing, never twice, and never a changed file of a running campaign. */
@CongressFlowTest
class CampaignStartupTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  @Autowired CampaignStartup startup;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired CampaignRegistry registry;
  @Autowired RunningCampaignsCheck changedFiles;
  @Autowired List<CampaignSetup> setups;
  @Autowired org.springframework.transaction.PlatformTransactionManager transactionManager;
  @TempDir Path folder;

  @Test
  void startingTwiceDoesNotStartTheCampaignTwice() throws Exception {
    var campaign = aCampaign().withBaseCommittee("khanh-an").withCells(1).build();
    write("campaign.yaml", campaign);

    startup.loadAll(folder);
    startup.loadAll(folder);

    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("congress-campaign").processInstanceBusinessKey(campaign.id()).count()).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from cf_campaign where id = ?", Integer.class, campaign.id()))
        .isEqualTo(1);
    assertThat(engine.getIdentityService().createGroupQuery().groupId(Groups.of(campaign).leaders("khanh-an-cb-01")).count()).isEqualTo(1);
    assertThat(engine.getIdentityService().createUserQuery().userId("khanh-an-officer").count())
        .as("no demo users outside the demo profile").isZero();
  }

  @Test
  void aBrokenFileStopsLoadingAndNothingOfAnyFileIsWritten() throws Exception {
    var good = aCampaign().withBaseCommittee("khanh-good").withCells(1).build();
    write("a-good.yaml", good);
    var broken = CampaignBuilder.aCampaign().withBaseCommittee("khanh-broken").build();
    write("b-broken.yaml", broken);

    assertThatThrownBy(() -> startup.loadAll(folder))
        .isInstanceOf(InvalidCampaignException.class)
        .hasMessageContaining("b-broken.yaml: organisations[1].cells: a base committee needs at least one affiliated cell");

    assertThat(jdbc.queryForObject("select count(*) from cf_campaign where id in (?, ?)", Integer.class,
        good.id(), broken.id())).isZero();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(good.id()).count()).isZero();
    assertThat(engine.getIdentityService().createGroupQuery().groupId(Groups.of(good).staff("khanh-good")).count()).isZero();
  }

  @Test
  void aChangedFileOfARunningCampaignIsRefusedWithWhatWouldChangeAndHowToApplyItAndNothingIsWritten()
      throws Exception {
    var builder = aCampaign().withBaseCommittee("khanh-an").withCells(1);
    var started = builder.build();
    write("campaign.yaml", started);
    startup.loadAll(folder);
    String stored = jdbc.queryForObject("select definition from cf_campaign where id = ?", String.class, started.id());
    var d = started.deadlines();
    var changed = builder.withBaseCommittee("khanh-moi").withCells(1).withDeadlines(new Deadlines(d.planIssued(),
        d.cellCongresses(), d.pilotCongress(), d.pilotLessons(), LocalDate.of(2020, 9, 30), LocalDate.of(2020, 10, 14),
        null)).build();
    write("campaign.yaml", changed);

    assertThatThrownBy(() -> startup.loadAll(folder))
        .isInstanceOf(InvalidCampaignException.class)
        .hasMessageContaining("has 4 problem(s)")
        .hasMessageContaining("campaign.yaml: campaign '" + started.id() + "' is running (started ")
        .hasMessageContaining("and this file differs from it (as started → in the file); a running campaign keeps"
            + " what it started with. To apply a change: move a level's deadline with the deadline-change API (POST"
            + " /api/campaigns/" + started.id() + "/deadlines); start anything else as a new campaign, in a file with"
            + " a new id; or put this file back as it was")
        .hasMessageContaining("\n  campaign.yaml: deadlines.baseCongresses: 2020-06-30 → 2020-09-30")
        .hasMessageContaining("\n  campaign.yaml: deadlines.districtCongress: 2020-08-14 → 2020-10-14")
        .hasMessageContaining("\n  campaign.yaml: organisations: added khanh-moi");

    assertThat(jdbc.queryForObject("select definition from cf_campaign where id = ?", String.class, started.id()))
        .as("the stored campaign").isEqualTo(stored);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("khanh-moi")
        .variableValueEquals("campaignId", started.id()).count()).isZero();
    assertThat(engine.getIdentityService().createGroupQuery().groupId(Groups.of(started).staff("khanh-moi")).count()).isZero();
  }

  @Test
  void aCampaignStartedBeforeTenantsStopsStartUpRatherThanSendItsTasksToGroupsNobodyIsIn() {
    jdbc.update("insert into cf_campaign (id, definition, source, shift_days, started_at, tenant_id,"
        + " started_without_tenant) values ('old-campaign', '{}', 'old.yaml', 0, current_timestamp, 'old-campaign', true)");
    try {
      assertThatThrownBy(changedFiles::afterPropertiesSet)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Campaign(s) old-campaign in cf_campaign were started by a CongressFlow version"
              + " without tenants");
    } finally {
      jdbc.update("delete from cf_campaign where id = 'old-campaign'");
    }
    changedFiles.refuseCampaignsWithoutTenant();
  }

  @Test
  void theNodeIsNotReadyUntilStartUpHasLaunchedEveryFileAndThenSaysWhatBecameOfEach() throws Exception {
    var first = aCampaign().withBaseCommittee("khanh-an").withCells(1).build();
    var second = aCampaign().withBaseCommittee("khanh-cu").withCells(1).build();
    write("a.yaml", first);
    write("b.yaml", second);
    var health = new CampaignLaunchHealth(true);
    var seenDuringLaunch = new ArrayList<Health>();
    assertThat(health.health().getStatus()).as("before start-up has begun").isEqualTo(Status.DOWN);

    startUp(health, seenDuringLaunch);

    assertThat(seenDuringLaunch).extracting(Health::getStatus).containsExactly(Status.DOWN, Status.DOWN);
    assertThat(seenDuringLaunch.get(0).getDetails()).containsEntry("finished", false)
        .containsEntry("waiting", List.of("a.yaml", "b.yaml"));
    assertThat(seenDuringLaunch.get(1).getDetails()).containsEntry("waiting", List.of("b.yaml"));
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    assertThat(health.health().getDetails()).containsEntry("finished", true).containsEntry("waiting", List.of())
        .containsEntry("launched", List.of(
            new CampaignLaunchHealth.Launched("a.yaml", first.id(), CampaignLaunchHealth.STARTED),
            new CampaignLaunchHealth.Launched("b.yaml", second.id(), CampaignLaunchHealth.STARTED)));

    var restarted = new CampaignLaunchHealth(true);
    startUp(restarted, new ArrayList<>());
    assertThat(restarted.health().getStatus()).isEqualTo(Status.UP);
    assertThat(restarted.health().getDetails().get("launched")).asList()
        .extracting("outcome").containsExactly(CampaignLaunchHealth.RUNNING, CampaignLaunchHealth.RUNNING);

    write("b.yaml", aCampaign().withBaseCommittee("khanh-cu").withCells(2).build().withId(second.id()));
    var refused = new CampaignLaunchHealth(true);
    assertThatThrownBy(() -> startUp(refused, new ArrayList<>())).isInstanceOf(InvalidCampaignException.class);
    assertThat(refused.health().getStatus()).as("start-up stops; the node never becomes ready").isEqualTo(Status.DOWN);
    assertThat((String) refused.health().getDetails().get("failure")).startsWith("InvalidCampaignException: ");
  }

  @Test
  void twoCampaignsInOneTenantAreRefusedAndNothingOfTheSecondIsStarted() throws Exception {
    var first = aCampaign().build();
    var second = aCampaign().build();
    String tenant = "shared-" + first.id();
    write("a.yaml", inTenant(first, tenant));
    write("b.yaml", inTenant(second, tenant));
    assertThatThrownBy(() -> startup.loadAll(folder)).isInstanceOf(InvalidCampaignException.class)
        .hasMessageContaining("b.yaml: tenant: '" + tenant + "' is also the tenant of a.yaml");
    assertThat(jdbc.queryForObject("select count(*) from cf_campaign where tenant_id = ?", Integer.class, tenant))
        .isZero();

    Files.delete(folder.resolve("b.yaml"));
    startup.loadAll(folder);
    Files.delete(folder.resolve("a.yaml"));
    write("b.yaml", inTenant(second, tenant));
    assertThatThrownBy(() -> startup.loadAll(folder)).isInstanceOf(InvalidCampaignException.class)
        .hasMessageContaining("tenant: '" + tenant + "' is the tenant of the running campaign '" + first.id() + "'");
    assertThat(jdbc.queryForObject("select count(*) from cf_campaign where id = ?", Integer.class, second.id()))
        .isZero();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(second.id())
        .count()).isZero();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(first.id())
        .singleResult().getTenantId()).isEqualTo(tenant);
  }

  private static CampaignDefinition inTenant(CampaignDefinition c, String tenant) {
    return new CampaignDefinition(c.id(), c.name(), c.term(), c.illustrativeCounts(), c.district(), c.superior(),
        c.pilot(), c.deadlines(), c.qualityReview(), c.rules(), c.deadlinePolicy(), c.organisations(), tenant);
  }

  @Test
  void aNodeThatLaunchesNoCampaignAtStartUpIsReadyForIt() {
    var health = new CampaignLaunchHealth(false);

    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    assertThat(health.health().getDetails()).containsEntry("launchOnStartup", false);
  }

  /** Start-up of a node on this folder, its launch seen by a setup that asks for the health as it runs. */
  private void startUp(CampaignLaunchHealth health, List<Health> seenDuringLaunch) {
    var probing = new ArrayList<>(setups);
    probing.add(campaign -> seenDuringLaunch.add(health.health()));
    var launcher = new CampaignLauncher(registry, probing, engine.getRuntimeService(), transactionManager);
    new CampaignStartup(new CampaignProperties(folder, true, false), launcher, changedFiles,
        new StaticListableBeanFactory().getBeanProvider(CampaignFolder.class), health).run(null);
  }

  @Test
  void aCampaignWithEveryIdAndNameAtItsLimitLaunches() throws Exception {
    var campaign = atItsLimits(aCampaign().build());
    write("long.yaml", campaign);
    assertThat(new CampaignFileReader().read(folder.resolve("long.yaml"))).isEqualTo(campaign);

    startup.loadAll(folder);
    new CampaignDriver(engine, campaign.id()).runLaunchJobs(); // the congresses start in jobs

    var cell = campaign.organisationList().get(0).cellList().get(0);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(cell.id()).count())
        .as("the cell's congress").isEqualTo(1);
    assertThat(engine.getIdentityService().createGroupQuery().groupId(Groups.of(campaign).staff(cell.id())).singleResult().getName())
        .hasSize(255 - 3);
    assertThat(jdbc.queryForObject("select name from cf_progress where organisation_id = ?", String.class,
        campaign.id())).hasSize(CampaignLimits.CAMPAIGN_NAME);
  }

  /** Every id and name as long as the file may have it, in letters of three UTF-8 bytes where names allow. */
  private static CampaignDefinition atItsLimits(CampaignDefinition built) {
    String org = longId(built.id() + "-o");
    String cell = longId(built.id() + "-c");
    var organisation = new Organisation(org, longName("Đảng bộ ", CampaignLimits.ORGANISATION_NAME), "base-committee",
        "commune", 250, null, List.of(new Cell(cell, longName("Chi bộ ", CampaignLimits.CELL_NAME), 20)));
    var district = built.district();
    return new CampaignDefinition(built.id() + "-" + "x".repeat(CampaignLimits.CAMPAIGN_ID - built.id().length() - 1),
        longName("Đợt ", CampaignLimits.CAMPAIGN_NAME), longName("2020-2025 ", CampaignLimits.TERM), true,
        new District(longId(built.id() + "-d"), longName("Đảng bộ huyện ", CampaignLimits.ORGANISATION_NAME),
            longName("Đại hội ", CampaignLimits.TEXT), district.congressNumber(), district.delegates()),
        new Superior(longId(built.id() + "-s"), longName("Tỉnh ủy ", CampaignLimits.ORGANISATION_NAME)),
        new Pilot(org, true), built.deadlines(), null, built.rules(), built.deadlinePolicy(), List.of(organisation));
  }

  private static String longId(String start) {
    return start + "x".repeat(CampaignLimits.ORGANISATION_ID - start.length());
  }

  private static String longName(String start, int length) {
    return start + "ữ".repeat(length - start.length());
  }

  private void write(String name, Object campaign) throws Exception {
    Files.writeString(folder.resolve(name), YAML.writeValueAsString(campaign));
  }
}
