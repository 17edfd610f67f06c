package org.reserveledger.api.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.inspection.AnnotatedAggregate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Makes sure that no command is decided on a cached copy of an aggregate that another service instance
 * has since changed. Checking every copy before use costs a query per command; instead the outcome
 * tells whether a check is needed:
 * <ul>
 * <li>a command that appends events to the copy needs none: the store's unique (aggregate, sequence)
 * key refuses an append after events the copy has not seen ({@link ConcurrencyException});
 * <li>a command refused (its handler threw) or one that appended nothing to the copy is checked, in
 * its own transaction and under the aggregate's lock, against the last sequence number stored for the
 * aggregate; if the copy was stale the copy is dropped and {@link StaleAggregateCopy} thrown instead.
 * </ul>
 * Either way the command's transaction rolls back and whoever sent it sends it again
 * ({@code CommandExecutor}), now deciding on the aggregate loaded from the store. Registered on the
 * command bus as a handler interceptor by Axon's Spring Boot support.
 */
@Component
class CachedCopies implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final String RESOURCE = CachedCopies.class.getName();

    /**
     * Notes that the current command decides on a copy taken from the cache, at the version it has now.
     *
     * @param latest the aggregate's last sequence number in the store
     * @param drop   removes the copy from the cache
     */
    static void decidingOn(String aggregateId, AnnotatedAggregate<?> copy, Supplier<Optional<Long>> latest,
                           Runnable drop) {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        List<Copy> copies = unitOfWork.getOrComputeResource(RESOURCE, key -> {
            List<Copy> tracked = new ArrayList<>();
            // Registered before the first event is published, so it runs before the events are appended.
            unitOfWork.onPrepareCommit(u -> tracked.stream().filter(Copy::unchanged).forEach(Copy::verify));
            return tracked;
        });
        copies.add(new Copy(aggregateId, copy, copy.version(), latest, drop));
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        try {
            return interceptorChain.proceed();
        } catch (Exception refusal) {
            List<Copy> copies = unitOfWork.root().getResource(RESOURCE);
            if (copies != null) {
                for (Copy copy : copies) {
                    copy.verifyAfter(refusal);
                }
            }
            throw refusal;
        }
    }

    private record Copy(String aggregateId, AnnotatedAggregate<?> aggregate, Long loaded,
                        Supplier<Optional<Long>> latest, Runnable drop) {

        boolean unchanged() {
            return Objects.equals(aggregate.version(), loaded);
        }

        void verify() {
            if (!Objects.equals(latest.get().orElse(null), loaded)) {
                drop.run();
                throw new StaleAggregateCopy(aggregateId, null);
            }
        }

        /** After a refusal: a failure of the check itself (the transaction broken by a statement) leaves the refusal. */
        void verifyAfter(Exception refusal) {
            Optional<Long> stored;
            try {
                stored = latest.get();
            } catch (RuntimeException broken) {
                return;
            }
            if (!Objects.equals(stored.orElse(null), loaded)) {
                drop.run();
                throw new StaleAggregateCopy(aggregateId, refusal);
            }
        }
    }

    /**
     * A command was decided on a copy of an aggregate that was behind the store; nothing of it was kept, and
     * sent again it is decided on the aggregate as stored.
     */
    public static final class StaleAggregateCopy extends ConcurrencyException {

        StaleAggregateCopy(String aggregateId, Exception decision) {
            super("the cached copy of aggregate " + aggregateId + " was behind the event store"
                    + (decision == null ? "" : "; its decision (" + decision + ") was dropped"), decision);
        }
    }
}
