package org.reserveledger.api.period;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.reserveledger.api.axon.CommandSideLookups;
import org.reserveledger.domain.period.ClosedPeriods;
import org.reserveledger.domain.period.PeriodClosed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The closed periods on the command side, in the one row of {@code closed_period}. A business-dated command reads
 * it for share and a close locks it for update, each in its command's transaction before anything is appended, so
 * a close waits for the commands that read the old close and a command waits for a close under way: a command
 * dated on or before a close is either refused or appended before it. Its handler belongs to the subscribing
 * processing group of the command-side lookups, so the row changes in the transaction that appends the close.
 */
@Component
@ProcessingGroup(CommandSideLookups.NAME)
public class JdbcClosedPeriods implements ClosedPeriods {

    private final JdbcClient jdbc;

    JdbcClosedPeriods(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Read for share: a close cannot commit until the transaction of the command reading it has ended. */
    @Override
    public Optional<LocalDate> closedThrough() {
        return jdbc.sql("select closed_through from closed_period where id = 1 for share")
                .query((rs, n) -> Optional.ofNullable(rs.getObject("closed_through", LocalDate.class)))
                .single();
    }

    /**
     * Locks the row for the close about to be decided, ahead of the event it appends. The table lock comes first
     * because readers for share of a row pass a waiting update, so steady traffic could hold a close off for ever,
     * while they queue behind a waiting table lock (which leaves plain reads alone).
     */
    void lockForClose() {
        jdbc.sql("lock table closed_period in exclusive mode").update();
        jdbc.sql("select 1 from closed_period where id = 1 for update").query((rs, n) -> 1).single();
    }

    /** The close in force and the stream position of its event, read without a lock. */
    Close current() {
        return jdbc.sql("select closed_through, position from closed_period where id = 1")
                .query((rs, n) -> new Close(rs.getObject("closed_through", LocalDate.class),
                        rs.getObject("position", Long.class)))
                .single();
    }

    /** The event is already in the table here: the store appends a unit of work's events before it publishes them. */
    @EventHandler
    void on(PeriodClosed event, EventMessage<?> message) {
        jdbc.sql("""
                        update closed_period
                        set closed_through = :through,
                            position = (select global_index from domain_event_entry where event_identifier = :event)
                        where id = 1
                        """)
                .param("through", event.through())
                .param("event", message.getIdentifier())
                .update();
    }

    /** A close and the position of the event that made it; both null while the books have never been closed. */
    record Close(LocalDate closedThrough, Long position) {
    }
}
