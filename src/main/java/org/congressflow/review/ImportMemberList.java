package org.congressflow.review;

import static org.congressflow.review.ReviewVariables.*;

import java.io.IOException;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.congressflow.form.FormValues;
import org.congressflow.process.Refusal;
import org.springframework.stereotype.Component;

/**
 * Completion of "enter members": the list comes from an uploaded CSV/XLSX file ({@code memberListFile}, through the
 * REST API), a pasted CSV text ({@code memberListCsv}) or the form's rows ({@code members}). Any bad row refuses
 * the whole list, with every bad row named; nothing is imported then.
 */
@Component("importMemberList")
class ImportMemberList implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    int year = ((Number) task.getVariable(REVIEW_YEAR)).intValue();
    MemberListImport.Result result;
    try {
      result = read(task, year);
    } catch (IllegalArgumentException e) {
      throw new Refusal(e.getMessage());
    }
    if (!result.ok()) {
      throw new Refusal("Danh sách đảng viên có dòng sai, chưa nhập đảng viên nào: "
          + String.join("; ", result.problems()));
    }
    ReviewMembers.keep(task, result.members());
    task.removeVariable(MEMBER_LIST_CSV);
  }

  private static MemberListImport.Result read(DelegateTask task, int year) {
    if (task.getVariableTyped(MEMBER_LIST_FILE) instanceof FileValue file && file.getValue() != null) {
      try (var content = file.getValue()) {
        return MemberListImport.fromFile(file.getFilename(), content.readAllBytes(), year);
      } catch (IOException e) {
        throw new IllegalArgumentException("Tệp danh sách không đọc được: " + e.getMessage());
      }
    }
    String csv = FormValues.text(task.getVariable(MEMBER_LIST_CSV));
    if (!csv.isEmpty()) {
      return MemberListImport.fromCsv(csv, year);
    }
    var rows = new ArrayList<MemberListImport.Row>();
    var submitted = FormValues.array(task.getVariableTyped(MEMBERS), "Danh sách đảng viên");
    for (int i = 0; i < submitted.size(); i++) {
      var row = submitted.get(i);
      rows.add(new MemberListImport.Row(i + 1, FormValues.text(row.get("name")), FormValues.text(row.get("birthYear")),
          FormValues.text(row.get("position")), FormValues.text(row.get("cell")),
          row.hasNonNull("leader") ? row.get("leader").asBoolean() : null, FormValues.bool(row.get("districtManaged"))));
    }
    return MemberListImport.check(rows, year);
  }
}
