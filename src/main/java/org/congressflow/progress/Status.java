package org.congressflow.progress;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a congress stands against its deadline; the dashboard's four counts. */
enum Status {
  DONE("done", "Đã hoàn thành"),
  IN_PROGRESS("inProgress", "Đang thực hiện"),
  DUE_SOON("dueSoon", "Sắp đến hạn"),
  OVERDUE("overdue", "Quá hạn");

  private final String code;
  private final String label;

  Status(String code, String label) {
    this.code = code;
    this.label = label;
  }

  @JsonValue
  String code() {
    return code;
  }

  String label() {
    return label;
  }
}
