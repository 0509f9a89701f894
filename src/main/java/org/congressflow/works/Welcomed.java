package org.congressflow.works;

import java.time.LocalDate;

/** The congress a work welcomes, as stored: the provincial, the district or the organisation's own base congress. */
enum Welcomed {
  PROVINCIAL("provincial", "Đại hội Đảng bộ tỉnh"),
  DISTRICT("district", "Đại hội Đảng bộ huyện"),
  BASE("base", "đại hội của tổ chức cơ sở");

  final String code;
  final String label;

  Welcomed(String code, String label) {
    this.code = code;
    this.label = label;
  }

  /** What the form offers: provincial, district or own (the organisation's own congress; for the district, its own). */
  static Welcomed fromForm(String value, boolean isDistrict) {
    return switch (value) {
      case "provincial" -> PROVINCIAL;
      case "district" -> DISTRICT;
      case "own", "base" -> isDistrict ? DISTRICT : BASE;
      default -> null;
    };
  }

  static Welcomed fromCode(String code) {
    for (var welcomed : values()) {
      if (welcomed.code.equals(code)) {
        return welcomed;
      }
    }
    throw new IllegalArgumentException("Unknown welcomed congress " + code);
  }

  /** The congress's deadline: the work must be completed by the end of that day. */
  LocalDate due(CongressDues dues) {
    return switch (this) {
      case PROVINCIAL -> dues.provincial();
      case DISTRICT -> dues.district();
      case BASE -> dues.own();
    };
  }

  record CongressDues(LocalDate own, LocalDate district, LocalDate provincial) {}
}
