package org.reserveledger.api.axon;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Set;

/**
 * Runs each event handler of the projections that park failing events in a savepoint of the
 * batch's transaction. Once a statement fails, PostgreSQL refuses every further statement of the
 * transaction; rolling back to the savepoint undoes only that event's writes and lets the same
 * transaction park the event, apply the rest of the batch and store the token.
 */
final class ProjectionSavepoints implements HandlerEnhancerDefinition {

    private final Set<String> processingGroups;
    private final TransactionTemplate savepoint;

    ProjectionSavepoints(Set<String> processingGroups, PlatformTransactionManager transactions) {
        this.processingGroups = Set.copyOf(processingGroups);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class) || !processingGroups.contains(groupOf(original.declaringClass()))) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                try {
                    return savepoint.execute(status -> {
                        try {
                            return super.handle(message, target);
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
        };
    }

    private static String groupOf(Class<?> handlerType) {
        ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(handlerType, ProcessingGroup.class);
        return group == null ? "" : group.value();
    }

    /** Carries a checked exception out of the savepoint's callback, which rolls back on unchecked ones only. */
    private static final class CheckedFailure extends RuntimeException {

        private final Exception cause;

        CheckedFailure(Exception cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
