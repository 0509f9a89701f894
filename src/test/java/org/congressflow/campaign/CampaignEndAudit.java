package org.congressflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the crash test checks once the campaign has been played to its end after the kills: the campaign ended,
 * every task that was there at a kill was completed exactly once, nothing ran twice, no decision, timer or e-mail
 * was lost, and no e-mail was received twice.
 */
final class CampaignEndAudit {

  private final JdbcTemplate db;
  private final CampaignOverRest users;
  private final int congressCount;

  /** {@code congressCount}: the congresses of the campaign (cells, base committees and the district). */
  CampaignEndAudit(JdbcTemplate db, CampaignOverRest users, int congressCount) {
    this.db = db;
    this.users = users;
    this.congressCount = congressCount;
  }

  /** Prints the figures and asserts them; the drive's time is printed, not asserted. */
  void check(Set<String> tasksAtKills, List<Long> decisionIdsBeforeKill, List<String> received, long driveSeconds) {
    var completions = users.completions();
    var notCompleted = new ArrayList<String>();
    for (String id : tasksAtKills) {
      String end = db.queryForList("select coalesce(delete_reason_, 'open') from act_hi_taskinst where id_ = ?",
          String.class, id).stream().findFirst().orElse("not in the history");
      if (!"completed".equals(end) || completions.getOrDefault(id, 0) != 1) {
        notCompleted.add(id + " (" + end + ", completed " + completions.getOrDefault(id, 0) + " times)");
      }
    }
    int completedTwice = (int) completions.values().stream().filter(n -> n > 1).count();
    int tasksTwice = count("select count(*) from (select proc_inst_id_, task_def_key_ from act_hi_taskinst"
        + " group by proc_inst_id_, task_def_key_ having count(*) > 1) t");
    int instancesTwice = count("select count(*) from (select d.key_, p.business_key_ from act_hi_procinst p"
        + " join act_re_procdef d on p.proc_def_id_ = d.id_ where d.key_ in ('cell-congress', 'base-congress',"
        + " 'district-congress', 'welcoming-works', 'quality-review') group by d.key_, p.business_key_"
        + " having count(*) > 1) t");
    var congresses = db.queryForList("select d.key_ from act_hi_procinst p join act_re_procdef d on"
        + " p.proc_def_id_ = d.id_ where d.key_ like '%-congress' and p.end_time_ is not null", String.class);
    var decisionIds = new HashSet<>(db.queryForList("select id from cf_decision", Long.class));
    int decisionsLost = (int) decisionIdsBeforeKill.stream().filter(id -> !decisionIds.contains(id)).count();
    int decisionRows = count("select count(*) from cf_decision where kind in ('gate', 'escalation')");
    int decisionsTwice = count("select count(*) from (select task_id from cf_decision where task_id is not null"
        + " group by task_id having count(*) > 1) t");
    var sent = sentMessageIds();
    var byMessageId = new HashMap<String, Integer>();
    received.forEach(id -> byMessageId.merge(id, 1, Integer::sum));
    int mailsLost = count("select count(*) from cf_notification where status not in ('sent', 'skipped')")
        + (int) sent.stream().filter(id -> !byMessageId.containsKey(id)).count();
    int mailsTwice = (int) byMessageId.values().stream().filter(n -> n > 1).count();
    int running = count("select count(*) from act_ru_execution");

    var figures = new LinkedHashMap<String, Object>();
    figures.put("campaign ended (congress-campaign instance finished)", campaignEnded());
    figures.put("seconds to drive the campaign to its end over REST", driveSeconds);
    figures.put("congresses ended (cell / base / district)", congresses.stream().filter("cell-congress"::equals)
        .count() + " / " + congresses.stream().filter("base-congress"::equals).count() + " / "
        + congresses.stream().filter("district-congress"::equals).count());
    figures.put("tasks completed over REST (users of their groups)", completions.size());
    figures.put("executions still running", running);
    figures.put("tasks there at a kill", tasksAtKills.size());
    figures.put("tasks there at a kill, not completed exactly once (lost)", notCompleted.size());
    figures.put("tasks completed twice", completedTwice);
    figures.put("tasks twice (same step in the same process)", tasksTwice);
    figures.put("congresses, works or reviews started twice for one organisation", instancesTwice);
    figures.put("decisions recorded before the last kill / lost", decisionIdsBeforeKill.size() + " / "
        + decisionsLost);
    figures.put("decisions made / recorded / recorded twice", users.decisionsMade() + " / " + decisionRows + " / "
        + decisionsTwice);
    figures.put("timers due and not fired (lost)", dueTimers());
    figures.put("e-mails sent / received", sent.size() + " / " + byMessageId.size());
    figures.put("e-mails lost", mailsLost);
    figures.put("e-mails received twice", mailsTwice);
    System.out.println("CrashRecoveryTest figures at the campaign's end:");
    figures.forEach((name, value) -> System.out.println("  " + name + ": " + value));

    assertThat(campaignEnded()).as("campaign ended").isTrue();
    assertThat(congresses).as("congresses ended: every cell, both base committees, the district")
        .hasSize(congressCount);
    assertThat(running).as("nothing of the campaign still running").isZero();
    assertThat(tasksAtKills).as("tasks there at a kill").isNotEmpty();
    assertThat(notCompleted).as("tasks there at a kill and not completed exactly once").isEmpty();
    assertThat(completedTwice).as("tasks completed twice").isZero();
    assertThat(tasksTwice).as("tasks twice").isZero();
    assertThat(instancesTwice).as("processes started twice").isZero();
    assertThat(decisionsLost).as("decisions lost").isZero();
    assertThat(decisionRows).as("decisions recorded").isEqualTo((int) users.decisionsMade());
    assertThat(decisionsTwice).as("decisions recorded twice").isZero();
    assertThat(dueTimers()).as("timers lost").isZero();
    assertThat(mailsLost).as("e-mails lost").isZero();
    assertThat(mailsTwice).as("e-mails received twice").isZero();
  }

  private boolean campaignEnded() {
    return count("select count(*) from act_hi_procinst p join act_re_procdef d on p.proc_def_id_ = d.id_"
        + " where d.key_ = 'congress-campaign' and p.end_time_ is not null") == 1;
  }

  private List<String> sentMessageIds() {
    return db.queryForList("select message_id from cf_notification where status = 'sent'", String.class);
  }

  private int dueTimers() {
    return count("select count(*) from act_ru_job where type_ = 'timer' and duedate_ <= current_timestamp");
  }

  private int count(String sql) {
    return db.queryForObject(sql, Integer.class);
  }
}
