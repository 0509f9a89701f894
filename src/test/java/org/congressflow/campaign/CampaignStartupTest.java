package org.congressflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.congressflow.support.CampaignBuilder.aCampaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.congressflow.support.CampaignBuilder;
import org.congressflow.support.CongressFlowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Loading the campaign folder: all or nothing, and never twice. */
@CongressFlowTest
class CampaignStartupTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  @Autowired CampaignStartup startup;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
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
    assertThat(engine.getIdentityService().createGroupQuery().groupId("khanh-an-cb-01-leaders").count()).isEqualTo(1);
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
    assertThat(engine.getIdentityService().createGroupQuery().groupId("khanh-good-staff").count()).isZero();
  }

  private void write(String name, Object campaign) throws Exception {
    Files.writeString(folder.resolve(name), YAML.writeValueAsString(campaign));
  }
}
