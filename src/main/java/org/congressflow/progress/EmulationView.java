package org.congressflow.progress;

import java.util.List;
import java.util.Map;

/**
 * {@code /api/campaigns/{id}/emulation}: the welcoming works (seed rule S6) and the quality review results (S7) of
 * the organisations the caller sees.
 */
record EmulationView(List<WorksRow> works, int reviewYear, List<ReviewRow> review) {

  /** One organisation's approved works: how many, completed, overdue (not done before the congress), commended. */
  record WorksRow(String organisationId, String name, int total, int completed, int overdue, int commended) {}

  /** One organisation's decided levels: its own and its members' counts per level (excellent, good, ...). */
  record ReviewRow(String organisationId, String name, String organisationLevel, Map<String, Integer> members) {}
}
