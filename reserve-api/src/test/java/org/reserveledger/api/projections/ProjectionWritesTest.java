package org.reserveledger.api.projections;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reserveledger.api.support.ApiIntegrationTest;
import org.reserveledger.projections.support.ProjectionWrites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Inserts held back by {@link ProjectionWrites}, on the real database. */
class ProjectionWritesTest extends ApiIntegrationTest {

    private static final String INSERT = "insert into projection_writes_probe (run, n) values (:run, :n)";

    @Autowired
    ProjectionWrites writes;

    @Autowired
    PlatformTransactionManager transactions;

    private final String run = UUID.randomUUID().toString();

    @BeforeEach
    void table() {
        jdbc.sql("create table if not exists projection_writes_probe (run text, n int, primary key (run, n))").update();
    }

    @Test
    void heldBackInsertsAreNotSentUntilAStatementThatMayDependOnThemOrTheCommit() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            add(1);
            add(2);
            // The plain JdbcClient does not see them yet: they have not been sent.
            assertThat(rowsDirectly()).isEmpty();
            // A statement through the writes sends them first.
            assertThat(writes.sql("select n from projection_writes_probe where run = :run order by n")
                    .param("run", run).query(Integer.class).list()).containsExactly(1, 2);
            add(3);
        });
        assertThat(rowsDirectly()).containsExactly(1, 2, 3);
    }

    @Test
    void insertsDiscardedBeforeTheyAreSentNeverReachTheTable() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            add(1);
            ProjectionWrites.Mark mark = writes.mark();
            add(2);
            add(3);
            assertThat(writes.wroteDirectlySince(mark)).isFalse();
            writes.discardFrom(mark);
            add(4);
        });
        assertThat(rowsDirectly()).containsExactly(1, 4);
    }

    @Test
    void aStatementOrASentBatchSinceAMarkCannotBeDiscarded() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            ProjectionWrites.Mark mark = writes.mark();
            add(1);
            writes.flush();
            assertThat(writes.wroteDirectlySince(mark)).isTrue();
        });
    }

    @Test
    void aFailingInsertFailsTheCommitAndNothingOfTheTransactionStays() {
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            add(1);
            add(2);
            add(2);
        })).isInstanceOf(DuplicateKeyException.class);
        assertThat(rowsDirectly()).isEmpty();
    }

    @Test
    void aTransactionStartedInsideAnotherHoldsAndSendsOnlyItsOwnInserts() {
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            add(1);
            inner.executeWithoutResult(innerStatus -> add(2));
            assertThat(rowsDirectly()).containsExactly(2);
            status.setRollbackOnly();
        });
        assertThat(rowsDirectly()).containsExactly(2);
    }

    @Test
    void aSetWriteRunsOnceOverEveryRowAddedBeforeTheCommitAfterTheInserts() {
        // Each run adds the sum of the rows it was given, and how many: run once, it adds one row.
        ProjectionWrites.SetWrite sums = writes.setWrite("""
                insert into projection_writes_probe (run, n)
                select r, 1000 * count(*) + sum(n) from unnest(?::text[], ?::int[]) as t(r, n) group by r
                """, "text", "int");
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            add(1);
            sums.add(run, 2);
            sums.add(run, 3);
            add(4);
            assertThat(rowsDirectly()).isEmpty();
        });
        // 1 and 4 inserted; one run over the rows 2 and 3: 1000 × 2 + 2 + 3 = 2005.
        assertThat(rowsDirectly()).containsExactly(1, 4, 2005);
    }

    @Test
    void outsideATransactionAnInsertIsSentAtOnce() {
        add(7);
        assertThat(rowsDirectly()).containsExactly(7);
    }

    private void add(int n) {
        writes.insert(INSERT).param("run", run).param("n", n).add();
    }

    private List<Integer> rowsDirectly() {
        // A connection of its own: outside the transaction's, which holds the writes sent so far.
        return new TransactionTemplate(transactions) {{
            setPropagationBehavior(PROPAGATION_REQUIRES_NEW);
        }}.execute(status -> jdbc.sql("select n from projection_writes_probe where run = :run order by n")
                .param("run", run).query(Integer.class).list());
    }
}
