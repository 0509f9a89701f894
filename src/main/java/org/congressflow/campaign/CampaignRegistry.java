package org.congressflow.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The started campaigns as stored in {@code cf_campaign}; every node reads the same definitions. */
@Repository
public class CampaignRegistry {

  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final JdbcTemplate jdbc;
  private final Map<String, CampaignDefinition> cache = new ConcurrentHashMap<>();
  private final Map<String, CampaignIndex> indexes = new ConcurrentHashMap<>();

  CampaignRegistry(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored campaign: as started (dates shifted by {@code shiftDays}), from which file and when. */
  record Started(CampaignDefinition campaign, long shiftDays, String source, Instant startedAt) {}

  /** The campaign as started, if it is. */
  Optional<Started> started(String campaignId) {
    return jdbc.query("select shift_days, source, started_at from cf_campaign where id = ?",
        (row, n) -> new Started(definition(campaignId), row.getLong(1), row.getString(2),
            row.getTimestamp(3).toInstant()), campaignId).stream().findFirst();
  }

  public boolean exists(String campaignId) {
    return jdbc.queryForObject("select count(*) from cf_campaign where id = ?", Integer.class, campaignId) > 0;
  }

  /** Refuses a campaign whose tenant another running campaign has (the unique index says so too, later). */
  void insert(CampaignDefinition campaign, String source, long shiftDays) {
    String tenant = campaign.tenantId();
    jdbc.queryForList("select id from cf_campaign where tenant_id = ?", String.class, tenant).stream().findFirst()
        .ifPresent(other -> {
          throw new InvalidCampaignException(source, List.of("tenant: '" + tenant + "' is the tenant of the running"
              + " campaign '" + other + "'; each campaign needs a tenant of its own: set 'tenant:' in the file"));
        });
    jdbc.update("insert into cf_campaign (id, definition, source, shift_days, started_at, tenant_id)"
        + " values (?, ?, ?, ?, ?, ?)", campaign.id(), toJson(campaign), source, shiftDays,
        Timestamp.from(Instant.now()), tenant);
  }

  /** Campaigns started by a version before tenants (Flyway V90 marked them). */
  java.util.List<String> startedWithoutTenant() {
    return jdbc.queryForList("select id from cf_campaign where started_without_tenant order by id", String.class);
  }

  /** The tenant of a started campaign; throws if it was never started. */
  public String tenant(String campaignId) {
    return definition(campaignId).tenantId();
  }

  void setProcessInstance(String campaignId, String processInstanceId) {
    jdbc.update("update cf_campaign set process_instance_id = ? where id = ?", processInstanceId, campaignId);
  }

  /** The campaign's process instance, once its launch has started it. */
  Optional<String> launchedProcess(String campaignId) {
    return jdbc.queryForList("select process_instance_id from cf_campaign where id = ? and process_instance_id is not"
        + " null", String.class, campaignId).stream().findFirst();
  }

  /**
   * Locks the campaign's row until the transaction ends and answers its process instance, empty while the launch
   * has not started it: the launch's transactions take turns on it, on every node.
   */
  Optional<String> lockForLaunch(String campaignId) {
    var rows = jdbc.queryForList("select process_instance_id from cf_campaign where id = ? for update", String.class,
        campaignId);
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("Unknown campaign '" + campaignId + "'");
    }
    return Optional.ofNullable(rows.get(0));
  }

  /** A stored campaign whose launch has not been seen to finish: its process instance and when it was stored. */
  record Launching(String campaignId, String processInstanceId, Instant startedAt) {}

  List<Launching> launching() {
    return jdbc.query("select id, process_instance_id, started_at from cf_campaign where launched_at is null",
        (row, n) -> new Launching(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant()));
  }

  /** When every instance of its launch had started; empty while it has not (or has not been seen to). */
  Optional<Instant> launchedAt(String campaignId) {
    return jdbc.query("select launched_at from cf_campaign where id = ? and launched_at is not null",
        (row, n) -> row.getTimestamp(1).toInstant(), campaignId).stream().findFirst();
  }

  void setLaunched(String campaignId, Instant launchedAt) {
    jdbc.update("update cf_campaign set launched_at = ? where id = ? and launched_at is null",
        Timestamp.from(launchedAt), campaignId);
  }

  /** Days the campaign's dates were moved when it was started (0 unless re-anchored for a demo). */
  public long shiftDays(String campaignId) {
    return jdbc.queryForList("select shift_days from cf_campaign where id = ?", Long.class, campaignId).stream()
        .findFirst().orElse(0L);
  }

  public Optional<String> processInstanceId(String campaignId) {
    return jdbc.queryForList("select process_instance_id from cf_campaign where id = ?", String.class, campaignId)
        .stream().findFirst();
  }

  /** The campaign as started (dates shifted); throws if it was never started. */
  public CampaignDefinition definition(String campaignId) {
    return cache.computeIfAbsent(campaignId, id -> {
      var json = jdbc.queryForList("select definition from cf_campaign where id = ?", String.class, id);
      if (json.isEmpty()) {
        throw new IllegalArgumentException("Unknown campaign '" + id + "'");
      }
      return fromJson(json.get(0));
    });
  }

  /** The organisations and cells of a started campaign by id. */
  public CampaignIndex index(String campaignId) {
    return indexes.computeIfAbsent(campaignId, id -> new CampaignIndex(definition(id)));
  }

  private static String toJson(CampaignDefinition campaign) {
    try {
      return JSON.writeValueAsString(campaign);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot store campaign " + campaign.id(), e);
    }
  }

  private static CampaignDefinition fromJson(String json) {
    try {
      return JSON.readValue(json, CampaignDefinition.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored campaign cannot be read", e);
    }
  }
}
