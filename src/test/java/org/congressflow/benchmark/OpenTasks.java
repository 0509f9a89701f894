package org.congressflow.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings the open tasks up to the wanted number the fastest honest way: each open task of the launched campaign
 * that has a candidate group is copied in SQL with its candidate link and its authorization rows (the rows the
 * engine wrote for it, new ids), so every copy is a task of the same congress, for the same group, guarded by the
 * same kind of authorization, exactly as the engine would have written it.
 */
final class OpenTasks {

  private OpenTasks() {}

  /** Returns the number of open tasks afterwards. */
  static long fillUpTo(Connection db, long wanted) throws SQLException {
    long open = Databases.count(db, "select count(*) from act_ru_task");
    try (var statement = db.createStatement()) {
      statement.execute("""
          create temporary table bench_template as select t.id_ from act_ru_task t
          where exists (select 1 from act_ru_identitylink l where l.task_id_ = t.id_ and l.type_ = 'candidate')
            and exists (select 1 from act_ru_authorization a where a.resource_type_ = 7 and a.resource_id_ = t.id_)""");
    }
    long templates = Databases.count(db, "select count(*) from bench_template");
    if (templates == 0 || open >= wanted) {
      return open;
    }
    String task = copy(db, "act_ru_task", "id_", "t.id_ || '-c' || g.n");
    String link = copy(db, "act_ru_identitylink", "id_", "t.id_ || '-c' || g.n", "task_id_", "t.task_id_ || '-c' || g.n");
    String authorization = copy(db, "act_ru_authorization", "id_", "t.id_ || '-c' || g.n",
        "resource_id_", "t.resource_id_ || '-c' || g.n");
    int copy = 0;
    db.setAutoCommit(false);
    try {
      while (open < wanted) {
        copy++;
        long take = Math.min(templates, wanted - open);
        try (var statement = db.createStatement()) {
          String picked = "(select id_ from bench_template order by id_ limit " + take + ")";
          String series = " cross join (select " + copy + " as n) g ";
          statement.executeUpdate(task + series + "where t.id_ in " + picked);
          statement.executeUpdate(link + series + "where t.type_ = 'candidate' and t.task_id_ in " + picked);
          statement.executeUpdate(authorization + series + "where t.resource_type_ = 7 and t.resource_id_ in " + picked);
        }
        db.commit();
        open += take;
      }
    } finally {
      db.setAutoCommit(true);
    }
    try (var statement = db.createStatement()) {
      statement.execute("analyze act_ru_task");
      statement.execute("analyze act_ru_identitylink");
      statement.execute("analyze act_ru_authorization");
    }
    return Databases.count(db, "select count(*) from act_ru_task");
  }

  /** {@code insert into table (columns) select <columns, some replaced> from table t}. */
  private static String copy(Connection db, String table, String... replaced) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (var rs = db.getMetaData().getColumns(null, null, table, null)) {
      while (rs.next()) {
        columns.add(rs.getString("COLUMN_NAME"));
      }
    }
    List<String> values = new ArrayList<>();
    for (String column : columns) {
      String value = "t." + column;
      for (int i = 0; i < replaced.length; i += 2) {
        if (replaced[i].equalsIgnoreCase(column)) {
          value = replaced[i + 1];
        }
      }
      values.add(value);
    }
    return "insert into " + table + " (" + String.join(", ", columns) + ") select " + String.join(", ", values)
        + " from " + table + " t";
  }
}
