package org.reserveledger.projections.replay;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * Copies of projections' tables beside the live ones, for rebuilds, checkpoints and views asOf an
 * instant. The projections' statements name their tables without a schema, so they work on a copy
 * unchanged: PostgreSQL resolves such names to temporary tables first, then along the
 * transaction's {@code search_path}.
 */
final class ProjectionTables {

    private final JdbcTemplate jdbc;

    ProjectionTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates a schema holding an empty copy of each of the projections' tables. */
    void createSchema(String schema, List<Projection> projections) {
        jdbc.execute("create schema " + schema);
        for (String table : tablesOf(projections)) {
            jdbc.execute("create table " + schema + "." + table + " (like public." + table + " including all)");
        }
    }

    /** Shadows each of the projections' tables with an empty temporary copy, dropped at commit. */
    void createTemporary(List<Projection> projections) {
        for (String table : tablesOf(projections)) {
            jdbc.execute("create temporary table " + table + " (like public." + table + " including all) on commit drop");
        }
    }

    /**
     * Copies the projections' rows from one schema's copies into another's (or into {@code pg_temp}'s),
     * keeping generated keys and moving their sequences past them.
     */
    void copyRows(List<Projection> projections, String fromSchema, String toSchema) {
        for (String table : tablesOf(projections)) {
            String target = toSchema + "." + table;
            jdbc.execute("insert into " + target + " overriding system value select * from " + fromSchema + "." + table);
            List<String> identities = jdbc.queryForList("""
                    select attname from pg_attribute
                    where attrelid = ?::regclass and attidentity <> '' and not attisdropped
                    """, String.class, target);
            for (String column : identities) {
                jdbc.queryForObject("select setval(pg_get_serial_sequence(?, ?), coalesce(max(" + column + "), 0) + 1, false) from "
                        + target, Long.class, target, column);
            }
        }
    }

    /**
     * Gathers the planner's statistics on the copies in {@code schema} ({@code pg_temp} for the temporary ones),
     * just filled: autovacuum never analyzes temporary tables and reaches new ones only later, and without
     * statistics a view's query is planned as if its tables were nearly empty (scanning them whole).
     */
    void analyze(List<Projection> projections, String schema) {
        for (String table : tablesOf(projections)) {
            jdbc.execute("analyze " + schema + "." + table);
        }
    }

    /** For the rest of the transaction, the projections' statements work on the copies in this schema. */
    void resolveTo(String schema) {
        jdbc.execute("set local search_path to " + schema + ", public");
    }

    private static List<String> tablesOf(List<Projection> projections) {
        return projections.stream().flatMap(projection -> projection.tables().stream()).toList();
    }
}
