package org.congressflow.campaign;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.congressflow.campaign.CampaignDefinition.Cell;
import org.congressflow.campaign.CampaignDefinition.Organisation;

/**
 * What differs between two versions of a campaign, one line per change: "deadlines.baseCongresses: 2020-06-30 →
 * 2020-09-30", "organisations: added khanh-moi", "organisations[khanh-an].members: 520 → 530". Organisations and
 * cells are matched by id, so their order does not count; an absent list is an empty one.
 */
final class CampaignChanges {

  private static final int IDS_SHOWN = 10;
  private static final int CHANGES_SHOWN = 20;

  private CampaignChanges() {}

  static List<String> between(CampaignDefinition before, CampaignDefinition after) {
    var changes = new ArrayList<String>();
    compare("", before, after, changes);
    if (changes.size() > CHANGES_SHOWN) {
      int more = changes.size() - CHANGES_SHOWN;
      changes.subList(CHANGES_SHOWN, changes.size()).clear();
      changes.add("and " + more + " more change(s)");
    }
    return changes;
  }

  /**
   * A running campaign against its file now, in the file's dates: the stored campaign has its dates moved by the
   * days it was shifted at its start (a demo), and the review's defaults filled in when it was.
   */
  static List<String> sinceStarted(CampaignDefinition stored, long shiftDays, CampaignDefinition file) {
    return shiftDays == 0 ? between(stored, file) : between(stored.shiftedBy(-shiftDays), file.shiftedBy(0));
  }

  private static void compare(String path, Object before, Object after, List<String> changes) {
    if (Objects.equals(before, after)) {
      return;
    }
    if (before instanceof Record && after != null && before.getClass() == after.getClass()) {
      for (RecordComponent component : before.getClass().getRecordComponents()) {
        compare(path.isEmpty() ? component.getName() : path + "." + component.getName(),
            valueOf(component, before), valueOf(component, after), changes);
      }
      return;
    }
    if (before instanceof List<?> || after instanceof List<?>) {
      List<?> was = before == null ? List.of() : (List<?>) before;
      List<?> now = after == null ? List.of() : (List<?>) after;
      if (was.equals(now)) {
        return;
      }
      if (Stream.concat(was.stream(), now.stream()).allMatch(element -> idOf(element) != null)) {
        compareById(path, was, now, changes);
        return;
      }
    }
    changes.add(path + ": " + shown(before) + " → " + shown(after));
  }

  private static void compareById(String path, List<?> before, List<?> after, List<String> changes) {
    Map<String, Object> was = byId(before);
    Map<String, Object> now = byId(after);
    var added = now.keySet().stream().filter(id -> !was.containsKey(id)).toList();
    var removed = was.keySet().stream().filter(id -> !now.containsKey(id)).toList();
    if (!added.isEmpty()) {
      changes.add(path + ": added " + ids(added));
    }
    if (!removed.isEmpty()) {
      changes.add(path + ": removed " + ids(removed));
    }
    was.forEach((id, element) -> {
      if (now.containsKey(id)) {
        compare(path + "[" + id + "]", element, now.get(id), changes);
      }
    });
  }

  private static Map<String, Object> byId(List<?> elements) {
    var byId = new LinkedHashMap<String, Object>();
    elements.forEach(element -> byId.put(idOf(element), element));
    return byId;
  }

  private static String idOf(Object element) {
    return element instanceof Organisation org ? org.id() : element instanceof Cell cell ? cell.id() : null;
  }

  private static String ids(List<String> ids) {
    return String.join(", ", ids.subList(0, Math.min(ids.size(), IDS_SHOWN)))
        + (ids.size() > IDS_SHOWN ? " and " + (ids.size() - IDS_SHOWN) + " more" : "");
  }

  private static String shown(Object value) {
    return value == null ? "(none)" : value instanceof String text ? "'" + text + "'" : value.toString();
  }

  private static Object valueOf(RecordComponent component, Object record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot read " + component.getName(), e);
    }
  }
}
