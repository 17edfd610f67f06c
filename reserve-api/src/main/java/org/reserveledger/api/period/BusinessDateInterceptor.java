package org.reserveledger.api.period;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.reserveledger.domain.period.ClosePeriodCommand;
import org.reserveledger.domain.shared.BusinessDateInFuture;
import org.reserveledger.domain.shared.BusinessDated;
import org.reserveledger.domain.shared.BusinessDay;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Checks every business-dated command before its handler runs: its day is not after today (unless the command
 * may lie ahead) and not in a closed period. It runs inside the command's unit of work, whose transaction the
 * command bus has already begun, so the closed-period row it reads stays locked until the command's events are
 * committed or rolled back. Axon's Spring Boot support registers it on the command bus as a handler interceptor.
 */
@Component
class BusinessDateInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final JdbcClosedPeriods periods;
    private final Clock clock;

    BusinessDateInterceptor(JdbcClosedPeriods periods, Clock clock) {
        this.periods = periods;
        this.clock = clock;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        Object command = unitOfWork.getMessage().getPayload();
        if (command instanceof ClosePeriodCommand) {
            periods.lockForClose();
        } else if (command instanceof BusinessDated dated) {
            LocalDate date = dated.businessDate();
            LocalDate today = BusinessDay.of(clock.instant());
            if (!dated.mayLieAhead() && date.isAfter(today)) {
                throw new BusinessDateInFuture(dated.businessDateField(),
                        "%s %s is after today, %s: the books record what has happened"
                                .formatted(dated.businessDateField(), date, today));
            }
            periods.ensureOpen(date, described(command));
        }
        return interceptorChain.proceed();
    }

    private static String described(Object command) {
        return DESCRIPTIONS.get(command.getClass());
    }

    /** "the draw loan command" for a {@code DrawLoanCommand}, worked out once per command class. */
    private static final ClassValue<String> DESCRIPTIONS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            String name = type.getSimpleName().replaceFirst("Command$", "");
            return "the " + name.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").toLowerCase(Locale.ROOT) + " command";
        }
    };
}
