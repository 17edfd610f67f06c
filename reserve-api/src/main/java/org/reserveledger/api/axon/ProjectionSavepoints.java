package org.reserveledger.api.axon;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.reserveledger.projections.support.ProjectionWrites;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Keeps a failing event of a projection that parks events from leaving writes behind, while the
 * events of a batch share their writes' round trips.
 * <p>
 * Once a statement fails, PostgreSQL refuses every further statement of the transaction, so an
 * event may only be parked, and the rest of its batch applied, if its writes can be undone alone.
 * Normally a projection's handlers hold their inserts back ({@link ProjectionWrites}) and the batch
 * sends them all before it commits: a handler that fails before sending anything has its inserts
 * dropped and its event parked, and the batch goes on. Should a failure come from the database — a
 * statement a handler ran, or the batch's inserts when sent — the batch cannot go on: it is rolled
 * back, token included, and the processor applies it again, this time each event in a savepoint of
 * its own with its inserts sent before the savepoint is released, so the failing event is undone
 * alone and parked. Once such a batch has committed, the projection's batches share round trips
 * again.
 */
final class ProjectionSavepoints implements HandlerEnhancerDefinition {

    private final Set<String> processingGroups;
    private final TransactionTemplate savepoint;
    private final ProjectionWrites writes;
    /** Set while parked events are applied again: each in a savepoint of its own, whatever the batches do. */
    private static final ThreadLocal<Boolean> RETRYING_PARKED = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /** The projections whose next batch applies each event in a savepoint of its own. */
    private final Map<String, Boolean> careful;

    ProjectionSavepoints(Set<String> processingGroups, PlatformTransactionManager transactions, ProjectionWrites writes) {
        this.processingGroups = Set.copyOf(processingGroups);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.writes = writes;
        this.careful = new ConcurrentHashMap<>(processingGroups.stream()
                .collect(Collectors.toMap(group -> group, group -> Boolean.FALSE)));
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        String group = groupOf(original.declaringClass());
        if (!original.canHandleMessageType(EventMessage.class) || !processingGroups.contains(group)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                boolean oneByOne = RETRYING_PARKED.get() || watch(group);
                if (oneByOne) {
                    return inSavepoint(() -> {
                        Object result = super.handle(message, target);
                        writes.flush();
                        return result;
                    });
                }
                ProjectionWrites.Mark mark = writes.mark();
                try {
                    return super.handle(message, target);
                } catch (Exception e) {
                    if (writes.wroteDirectlySince(mark)) {
                        throw new BatchMustBeRetried(group, e);
                    }
                    writes.discardFrom(mark);
                    throw e;
                }
            }
        };
    }

    /**
     * Whether the current batch of {@code group} applies each event in a savepoint; the first time in a
     * transaction, also makes its outcome decide how the next batch does.
     */
    private boolean watch(String group) {
        boolean oneByOne = careful.get(group);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            String key = ProjectionSavepoints.class.getName() + "." + group;
            if (!TransactionSynchronizationManager.hasResource(key)) {
                TransactionSynchronizationManager.bindResource(key, Boolean.TRUE);
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        TransactionSynchronizationManager.unbindResourceIfPossible(key);
                        // A batch that failed is applied again one event at a time; one that committed so lets
                        // the next share round trips again.
                        careful.put(group, status != STATUS_COMMITTED);
                    }
                });
            }
        }
        return oneByOne;
    }

    /**
     * Runs {@code retry}, which applies parked events again, with each event in a savepoint of its own and its
     * inserts sent before the savepoint is released, so that whether it failed is known when its handler returns.
     */
    static <R> R retryingParked(java.util.function.Supplier<R> retry) {
        boolean outer = RETRYING_PARKED.get();
        RETRYING_PARKED.set(Boolean.TRUE);
        try {
            return retry.get();
        } finally {
            RETRYING_PARKED.set(outer);
        }
    }

    private Object inSavepoint(Handling handling) throws Exception {
        try {
            return savepoint.execute(status -> {
                try {
                    return handling.handle();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new CheckedFailure(e);
                }
            });
        } catch (CheckedFailure failure) {
            throw failure.cause;
        }
    }

    private static String groupOf(Class<?> handlerType) {
        ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(handlerType, ProcessingGroup.class);
        return group == null ? "" : group.value();
    }

    private interface Handling {
        Object handle() throws Exception;
    }

    /** Carries a checked exception out of the savepoint's callback, which rolls back on unchecked ones only. */
    private static final class CheckedFailure extends RuntimeException {

        private final Exception cause;

        CheckedFailure(Exception cause) {
            super(cause);
            this.cause = cause;
        }
    }

    /**
     * A handler failed after its writes reached the database: its batch is rolled back and applied again,
     * one event at a time. Parking the event instead would keep its writes, so its batch must not commit.
     */
    static final class BatchMustBeRetried extends RuntimeException {

        BatchMustBeRetried(String group, Exception cause) {
            super("projection " + group + " failed after writing; its batch is applied again one event at a time: "
                    + cause.getMessage(), cause);
        }
    }
}
