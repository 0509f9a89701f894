package org.congressflow.document;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.congressflow.decision.DecisionRecord;
import org.congressflow.process.CongressParts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The register of submitted files ({@code cf_document}): when a task that carries documents completes, each file
 * that is new or changed becomes the next version of its document, in the engine's transaction. Reviewers read
 * every version from here, so a redraft never hides what was submitted before. Nothing updates or deletes a row.
 */
@Service
public class DocumentRecord {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
      .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

  private final JdbcTemplate jdbc;
  private final DecisionRecord decisions;

  DocumentRecord(JdbcTemplate jdbc, DecisionRecord decisions) {
    this.jdbc = jdbc;
    this.decisions = decisions;
  }

  /**
   * Registers the files a completing task carries ({@code labels}: variable to the form's name for it). A file
   * equal to the latest version of its document (same name and content) is kept, not registered again.
   */
  public void recordUploads(DelegateTask task, Map<String, String> labels) {
    var congress = CongressParts.congressOf(task.getExecution());
    String processInstanceId = congress.getProcessInstanceId();
    labels.forEach((variable, label) -> {
      if (!(task.getExecution().getVariableTyped(variable) instanceof FileValue file) || file.getValue() == null) {
        return;
      }
      byte[] content = read(file); // a file input left empty never gets here: the completion kept the file before
      String sha256 = sha256(content);
      var latest = latest(processInstanceId, variable);
      if (latest.isPresent() && latest.get().sha256().equals(sha256)
          && latest.get().fileName().equals(file.getFilename())) {
        return;
      }
      jdbc.update("""
          insert into cf_document (campaign_id, organisation_id, process_instance_id, step, variable, label, version,
            file_name, mime_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
          congress.getVariable("campaignId"), congress.getVariable("organisationId"), processInstanceId,
          task.getTaskDefinitionKey(), variable, label, latest.map(Document::version).orElse(0) + 1,
          file.getFilename() == null ? variable : file.getFilename(), file.getMimeType(), (long) content.length, sha256,
          content, decisions.currentUser(task), Timestamp.from(ClockUtil.getCurrentTime().toInstant()));
    });
  }

  /** Every version of every document of a congress, newest first. */
  public List<Document> ofProcess(String processInstanceId) {
    return jdbc.query("select " + COLUMNS + " from cf_document where process_instance_id = ? order by id desc",
        DocumentRecord::row, processInstanceId);
  }

  public Optional<Document> find(long id) {
    return jdbc.query("select " + COLUMNS + " from cf_document where id = ?", DocumentRecord::row, id).stream()
        .findFirst();
  }

  public byte[] content(long id) {
    return jdbc.queryForObject("select content from cf_document where id = ?", byte[].class, id);
  }

  /**
   * The documents as a reviewer's form lists them: a row per version, newest first, with a link that downloads
   * the file ({@code /api/documents/{id}}).
   */
  public String json(String processInstanceId) {
    var array = JSON.createArrayNode();
    for (Document d : ofProcess(processInstanceId)) {
      shown(array.addObject().put("label", d.label()), d);
    }
    return array.toString();
  }

  /**
   * The latest version of each of the given documents of a congress, by variable, as a redraft form shows them
   * under its file inputs ("submitted in round N: file"): a document not submitted yet is left out.
   */
  public String latestJson(String processInstanceId, Collection<String> variables) {
    var latest = JSON.createObjectNode();
    for (Document d : ofProcess(processInstanceId)) {
      if (variables.contains(d.variable()) && !latest.has(d.variable())) {
        shown(latest.putObject(d.variable()), d);
      }
    }
    return latest.toString();
  }

  /** A version as the forms show it: round, file name, size, who uploaded it when, and its download link. */
  private void shown(ObjectNode row, Document d) {
    row.put("version", d.version())
        .put("fileName", d.fileName())
        .put("size", size(d.sizeBytes()))
        .put("by", decisions.nameOf(d.uploadedBy()))
        .put("at", SHOWN.format(d.uploadedAt()))
        .put("url", "/api/documents/" + d.id());
  }

  /**
   * The same list as Markdown links for a form's text (form-js renders Markdown but has no link column):
   * names people typed are escaped, so a file name cannot become markup.
   */
  public String links(String processInstanceId) {
    var lines = new StringBuilder();
    for (Document d : ofProcess(processInstanceId)) {
      lines.append("- ").append(escape(d.label())).append(", lần nộp ").append(d.version()).append(": [")
          .append(escape(d.fileName())).append("](/api/documents/").append(d.id()).append(") (")
          .append(size(d.sizeBytes())).append(", ").append(escape(decisions.nameOf(d.uploadedBy()))).append(", ")
          .append(SHOWN.format(d.uploadedAt())).append(")\n");
    }
    return lines.length() == 0 ? "Chưa có tài liệu nào được nộp." : lines.toString();
  }

  /** "850 B", "12,3 KB", "4,1 MB": sizes as Vietnamese readers write them. */
  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double kb = bytes / 1024.0;
    String shown = kb < 1024 ? String.format("%.1f KB", kb) : String.format("%.1f MB", kb / 1024);
    return shown.replace('.', ',');
  }

  private Optional<Document> latest(String processInstanceId, String variable) {
    return jdbc.query("select " + COLUMNS + " from cf_document where process_instance_id = ? and variable = ?"
        + " order by version desc", DocumentRecord::row, processInstanceId, variable).stream().findFirst();
  }

  private static final String COLUMNS = "id, campaign_id, organisation_id, process_instance_id, step, variable, label,"
      + " version, file_name, mime_type, size_bytes, sha256, uploaded_by, uploaded_at";

  private static Document row(ResultSet rs, int rowNum) throws SQLException {
    return new Document(rs.getLong("id"), rs.getString("campaign_id"), rs.getString("organisation_id"),
        rs.getString("process_instance_id"), rs.getString("step"), rs.getString("variable"), rs.getString("label"),
        rs.getInt("version"), rs.getString("file_name"), rs.getString("mime_type"), rs.getLong("size_bytes"),
        rs.getString("sha256"), rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
  }

  private static byte[] read(FileValue file) {
    try (var in = file.getValue()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Markdown's special characters, so that text people typed stays text. */
  static String escape(String text) {
    return text == null ? "" : text.replaceAll("([\\\\`*_{}\\[\\]()#+\\-.!<>|~])", "\\\\$1")
        .replace('\n', ' ').replace('\r', ' ');
  }
}
