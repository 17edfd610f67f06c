package org.reserveledger.domain.period;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reserveledger.domain.shared.BusinessDateInFuture;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.reserveledger.domain.shared.RuleViolationMatchers.violationOf;

/**
 * Closing the books: forward only, through today at the latest, and a repeated close changes nothing.
 */
class BooksTest {

    /** Late on 2 December 2026 UTC, so "today" is that day however the test machine's zone is set. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T23:59:59Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.parse("2026-12-02");
    private static final LocalDate JUNE_30 = LocalDate.parse("2026-06-30");
    private static final LocalDate SEPTEMBER_30 = LocalDate.parse("2026-09-30");

    private AggregateTestFixture<Books> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Books.class);
        fixture.registerInjectableResource(CLOCK);
    }

    @Test
    void closesTheBooksForTheFirstTimeWithNoPreviousClose() {
        fixture.givenNoPriorActivity()
                .when(new ClosePeriodCommand(JUNE_30))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PeriodClosed(JUNE_30, null));
    }

    @Test
    void movesTheCloseForwardAndRecordsTheCloseItMovedOnFrom() {
        fixture.given(new PeriodClosed(JUNE_30, null))
                .when(new ClosePeriodCommand(SEPTEMBER_30))
                .expectEvents(new PeriodClosed(SEPTEMBER_30, JUNE_30));
    }

    @Test
    void closesThroughTodayAtTheLatest() {
        fixture.given(new PeriodClosed(JUNE_30, null))
                .when(new ClosePeriodCommand(TODAY))
                .expectEvents(new PeriodClosed(TODAY, JUNE_30));
    }

    @Test
    void refusesACloseThroughTomorrowNamingTheField() {
        fixture.given(new PeriodClosed(JUNE_30, null))
                .when(new ClosePeriodCommand(TODAY.plusDays(1)))
                .expectNoEvents()
                .expectException(futureDateIn("through"))
                .expectExceptionMessage("the books can be closed through today, 2026-12-02, at the latest; "
                        + "not through 2026-12-03");
    }

    @Test
    void refusesACloseEarlierThanTheCurrentOneStatingBothDates() {
        fixture.given(new PeriodClosed(JUNE_30, null), new PeriodClosed(SEPTEMBER_30, JUNE_30))
                .when(new ClosePeriodCommand(JUNE_30))
                .expectNoEvents()
                .expectException(violationOf("period-close-earlier"))
                .expectExceptionMessage("the books are closed through 2026-09-30; a close through 2026-06-30, "
                        + "earlier, would reopen them");
    }

    @Test
    void closingThroughTheDayAlreadyClosedSucceedsAndAppendsNothing() {
        fixture.given(new PeriodClosed(JUNE_30, null))
                .when(new ClosePeriodCommand(JUNE_30))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private static Matcher<Throwable> futureDateIn(String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return item instanceof BusinessDateInFuture future && field.equals(future.field())
                        && "business-date-in-future".equals(future.code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a BusinessDateInFuture naming field ").appendValue(field);
            }
        };
    }
}
