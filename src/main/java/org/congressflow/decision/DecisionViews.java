package org.congressflow.decision;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Vietnamese names of the recorded decisions, as forms, the dashboard and e-mails show them. */
public final class DecisionViews {

  static final ObjectMapper JSON = new ObjectMapper();

  private DecisionViews() {}

  public static String decisionName(String decision) {
    return switch (decision) {
      case "approve" -> "Chấp thuận";
      case "sendBack" -> "Trả lại";
      case "extend" -> "Gia hạn";
      case "assignDirector" -> "Phân công đồng chí chỉ đạo";
      case "raise" -> "Báo cáo Ban Thường vụ";
      case "move" -> "Thay đổi hạn";
      default -> decision;
    };
  }
}
