package org.reserveledger.domain.period;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.reserveledger.domain.shared.BusinessDateInFuture;
import org.reserveledger.domain.shared.BusinessDay;
import org.reserveledger.domain.shared.DomainRuleViolation;

import java.time.Clock;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The reserve's books, one aggregate for the whole reserve: the day through which they are closed. A close only
 * moves forward, since reopening a day would let a command change figures already reported, and it reaches today
 * at the latest, since a close ahead of today would refuse today's own commands.
 */
public class Books {

    public static final String ID = "books";

    @AggregateIdentifier
    private String aggregateId;
    private LocalDate closedThrough;

    protected Books() {
        // for Axon's event sourcing, and created by the first close
    }

    /**
     * Closing through the day already closed is a success that appends nothing: the books stand as asked, so a
     * client repeating its close (say, after a lost answer) is not told it failed.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ClosePeriodCommand command, Clock clock) {
        LocalDate through = command.through();
        LocalDate today = BusinessDay.of(clock.instant());
        if (through.isAfter(today)) {
            throw new BusinessDateInFuture("through",
                    "the books can be closed through today, %s, at the latest; not through %s".formatted(today,
                            through));
        }
        if (closedThrough != null && through.isBefore(closedThrough)) {
            throw new DomainRuleViolation("period-close-earlier",
                    "the books are closed through %s; a close through %s, earlier, would reopen them"
                            .formatted(closedThrough, through));
        }
        if (through.equals(closedThrough)) {
            return;
        }
        apply(new PeriodClosed(through, closedThrough));
    }

    @EventSourcingHandler
    void on(PeriodClosed event) {
        aggregateId = ID;
        closedThrough = event.through();
    }
}
