package org.reserveledger.api.projections;

import org.junit.jupiter.api.Test;
import org.reserveledger.api.support.ApiIntegrationTest;
import org.reserveledger.projections.replay.Projection;
import org.reserveledger.projections.replay.ProjectionCatalog;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog finds every projection by its declaration alone, and what each declares holds: its tables exist, no
 * table is written by two, and every table the projections' migrations create belongs to one of them.
 */
class ProjectionCatalogTest extends ApiIntegrationTest {

    @Autowired
    ProjectionCatalog catalog;

    @Test
    void everyProjectionIsFoundWithTablesOfItsOwn() {
        assertThat(catalog.all()).extracting(Projection::name).containsExactly("commitments", "financing", "inventory");
        Set<String> declared = new HashSet<>();
        for (Projection projection : catalog.all()) {
            for (String table : projection.tables()) {
                assertThat(declared.add(table)).as("%s is declared by one projection only", table).isTrue();
            }
        }
        List<String> existing = jdbc.sql("""
                        select table_name from information_schema.tables
                        where table_schema = 'public' and (table_name like 'inventory\\_%' or table_name like 'commitment\\_%'
                              or table_name like 'financing\\_%')
                        """)
                .query(String.class).list();
        assertThat(existing).as("the projections' tables in the database").containsExactlyInAnyOrderElementsOf(declared);
    }
}
