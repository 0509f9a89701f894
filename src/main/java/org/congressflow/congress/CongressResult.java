package org.congressflow.congress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What a congress elected, as entered by the organisation's staff. */
public record CongressResult(
    LocalDate congressDate,
    int committeeSize,
    String secretary,
    String deputySecretaries,
    boolean secretaryElectedDirectly,
    int delegatesElected) {

  /** Every reason these results cannot be accepted, in Vietnamese for the person who entered them. */
  List<String> problems(boolean electsDelegates) {
    var problems = new ArrayList<String>();
    if (congressDate == null) {
      problems.add("Chưa nhập ngày đại hội");
    }
    if (committeeSize < 1) {
      problems.add("Số cấp ủy viên trúng cử phải từ 1 trở lên, không phải " + committeeSize);
    }
    if (secretary == null || secretary.isBlank()) {
      problems.add("Chưa nhập họ tên bí thư");
    }
    if (electsDelegates && delegatesElected < 1) {
      problems.add("Số đại biểu dự đại hội cấp trên phải từ 1 trở lên, không phải " + delegatesElected);
    }
    if (delegatesElected < 0) {
      problems.add("Số đại biểu không được âm");
    }
    return problems;
  }
}
