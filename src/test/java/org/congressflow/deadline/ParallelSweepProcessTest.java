package org.congressflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.congressflow.support.CampaignBuilder.aCampaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.congressflow.campaign.CampaignDefinition;
import org.congressflow.campaign.CampaignLauncher;
import org.congressflow.support.CampaignDriver;
import org.congressflow.support.CongressFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The jobs of one campaign run on several threads at once: in a deadline sweep of forty late cells the job
 * executor's threads send escalations side by side (the first two meet inside the step: each waits, up to 10 s,
 * until another is in it too, which one queue for the whole campaign would never allow), and still every cell gets
 * one escalation task and one e-mail.
 */
@CongressFlowTest
@Import(ParallelSweepProcessTest.RecordEscalationRuns.class)
class ParallelSweepProcessTest {

  /** One run of the escalation step: on which thread, from when to when (nanoseconds), and whether it met another. */
  record Run(String thread, long began, long ended, boolean metAnother) {

    boolean overlaps(Run other) {
      return began < other.ended && other.began < ended;
    }
  }

  static final List<Run> RUNS = Collections.synchronizedList(new ArrayList<>());
  static final CountDownLatch FIRST_TWO = new CountDownLatch(2);

  /** Wraps the escalation e-mail step of the deadline watch with a recorder; the step itself is unchanged. */
  @TestConfiguration
  static class RecordEscalationRuns {

    @Bean
    static BeanPostProcessor recordEscalationRunsOfTheStep() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          if (!"sendEscalationMail".equals(name)) {
            return bean;
          }
          JavaDelegate step = (JavaDelegate) bean;
          return (JavaDelegate) execution -> {
            long began = System.nanoTime();
            FIRST_TWO.countDown();
            boolean met = FIRST_TWO.await(10, TimeUnit.SECONDS);
            step.execute(execution);
            RUNS.add(new Run(Thread.currentThread().getName(), began, System.nanoTime(), met));
          };
        }
      };
    }
  }

  private static final int BASES = 4;
  private static final int CELLS_EACH = 10;

  @Autowired ProcessEngine engine;
  @Autowired CampaignLauncher launcher;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theEscalationsOfOneCampaignRunOnSeveralThreadsAtOnceAndEachCellIsEscalatedOnce() throws Exception {
    var builder = aCampaign();
    for (int base = 1; base <= BASES; base++) {
      builder.withBaseCommittee(String.format("song-song-%02d", base)).withCells(CELLS_EACH);
    }
    var definition = builder.build();
    var campaign = CampaignDriver.launch(engine, launcher, definition);
    var cells = definition.cells().map(CampaignDefinition.Cell::id).toList();
    campaign.moveTo(LocalDate.of(2020, 3, 1));
    var othersJobs = campaign.suspendOtherCampaignsJobs();
    ClockUtil.setCurrentTime(CampaignDriver.at(LocalDate.of(2020, 4, 2))); // every cell a day late

    var jobExecutor = CampaignDriver.startJobExecutor(engine);
    try {
      for (int wait = 0; wait < 1200 && !(RUNS.size() >= cells.size() && campaign.dueJobs() == 0); wait++) {
        Thread.sleep(100); // waits for the job executor's threads, not for a timer: the engine's clock stands still
      }
    } finally {
      jobExecutor.shutdown();
      campaign.activateJobs(othersJobs);
    }

    var runs = List.copyOf(RUNS);
    var threads = runs.stream().map(Run::thread).distinct().sorted().toList();
    long overlapping = runs.stream().filter(run -> runs.stream()
        .anyMatch(other -> other != run && !other.thread().equals(run.thread()) && run.overlaps(other))).count();
    System.out.printf("Parallel sweep: %d escalations of one campaign on threads %s; %d ran while another thread"
        + " ran one%n", runs.size(), threads, overlapping);
    assertThat(runs).hasSize(cells.size());
    assertThat(runs.stream().filter(Run::metAnother).count())
        .as("the first two escalations were in the step at the same time").isGreaterThanOrEqualTo(2);
    assertThat(threads).as("threads of the job executor that sent escalations").hasSizeGreaterThanOrEqualTo(2);
    assertThat(overlapping).as("escalations that overlapped one on another thread").isGreaterThanOrEqualTo(2);
    assertThat(campaign.escalatedOrganisations()).as("one escalation task per late cell")
        .containsExactlyInAnyOrderElementsOf(cells);
    assertThat(jdbc.queryForObject("select count(*) from cf_notification where campaign_id = ? and kind = 'escalation'",
        Integer.class, definition.id())).as("one escalation e-mail per late cell").isEqualTo(cells.size());
    assertThat(engine.getRuntimeService().createIncidentQuery().list().stream()
        .filter(incident -> campaign.processInstanceIds().contains(incident.getProcessInstanceId())).toList())
        .as("no incident").isEmpty();
  }


}
