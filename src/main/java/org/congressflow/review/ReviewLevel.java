package org.congressflow.review;

/** The four quality levels of the quality review, with the codes the forms and the decision tables use. */
public enum ReviewLevel {
  EXCELLENT("excellent", "Hoàn thành xuất sắc nhiệm vụ"),
  GOOD("good", "Hoàn thành tốt nhiệm vụ"),
  COMPLETE("complete", "Hoàn thành nhiệm vụ"),
  NOT_COMPLETE("notComplete", "Không hoàn thành nhiệm vụ");

  public final String code;
  public final String label;

  ReviewLevel(String code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The level of a code, or null for an empty or unknown code. */
  public static ReviewLevel of(String code) {
    for (var level : values()) {
      if (level.code.equals(code)) {
        return level;
      }
    }
    return null;
  }
}
