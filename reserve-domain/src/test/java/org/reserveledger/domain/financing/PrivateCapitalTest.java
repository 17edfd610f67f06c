package org.reserveledger.domain.financing;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reserveledger.domain.shared.CapitalCallId;
import org.reserveledger.domain.shared.ContributionId;
import org.reserveledger.domain.shared.InvestorId;
import org.reserveledger.domain.shared.UnknownResource;
import org.reserveledger.domain.shared.Usd;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.reserveledger.domain.shared.RuleViolationMatchers.violationOf;

/**
 * Capital calls never exceed uncalled commitments and are allocated pro-rata to the cent;
 * contributions never exceed what an investor still owes on a call. Shares are worked by hand.
 */
class PrivateCapitalTest {

    private static final CapitalCallId CALL = CapitalCallId.of(UUID.fromString("00000000-0000-4000-8000-00000000000c"));
    private static final ContributionId CONTRIBUTION = ContributionId.of(UUID.fromString("00000000-0000-4000-8000-0000000000c1"));
    private static final LocalDate DUE = LocalDate.parse("2026-06-30");

    private AggregateTestFixture<PrivateCapital> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(PrivateCapital.class);
    }

    @Test
    void admitsTheFirstInvestorIntoANewPool() {
        fixture.givenNoPriorActivity()
                .when(new AdmitInvestorCommand(InvestorId.of("ALPHA"), "Fund ALPHA", Usd.of("1000000")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(admitted("ALPHA", "1000000.00"));
    }

    @Test
    void refusesToAdmitAnInvestorTwice() {
        fixture.given(admitted("ALPHA", "1000000.00"))
                .when(new AdmitInvestorCommand(InvestorId.of("ALPHA"), "Fund ALPHA again", Usd.of("5")))
                .expectException(violationOf("already-exists"))
                .expectExceptionMessage("investor ALPHA already exists")
                .expectNoEvents();
    }

    @Test
    void splitsACallEquallyAndGivesTheLeftoverCentToTheLowestInvestorId() {
        // 100.00 / 3 = 33.333… each: floors 33.33 × 3 = 99.99, equal remainders, the cent to ALPHA.
        fixture.given(admitted("ALPHA", "1000000.00"), admitted("BRAVO", "1000000.00"), admitted("CHARLIE", "1000000.00"))
                .when(new CallCapitalCommand(CALL, Usd.of("100.00"), DUE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CapitalCalled(CALL, Usd.of("100.00"), DUE, List.of(
                        allocation("ALPHA", "33.34"), allocation("BRAVO", "33.33"), allocation("CHARLIE", "33.33"))));
    }

    @Test
    void givesLeftoverCentsToTheLargestRemainders() {
        // Exact shares 700.007, 200.002 and 100.001: floors add up to 1,000.00, one cent is left,
        // and ALPHA's remainder (0.007) is the largest.
        fixture.given(admitted("ALPHA", "700000.00"), admitted("BRAVO", "200000.00"), admitted("CHARLIE", "100000.00"))
                .when(new CallCapitalCommand(CALL, Usd.of("1000.01"), DUE))
                .expectEvents(new CapitalCalled(CALL, Usd.of("1000.01"), DUE, List.of(
                        allocation("ALPHA", "700.01"), allocation("BRAVO", "200.00"), allocation("CHARLIE", "100.00"))));
    }

    @Test
    void leftoverCentsNeedNotGoToTheLargestInvestor() {
        // 10.00 over 1,000 / 3,000 / 7,000: exact 0.90909…, 2.72727…, 6.36363…; floors 0.90 + 2.72 +
        // 6.36 = 9.98 leave two cents, for the largest remainders 0.00909… (ALPHA) and 0.00727… (BRAVO).
        fixture.given(admitted("ALPHA", "1000.00"), admitted("BRAVO", "3000.00"), admitted("CHARLIE", "7000.00"))
                .when(new CallCapitalCommand(CALL, Usd.of("10.00"), DUE))
                .expectEvents(new CapitalCalled(CALL, Usd.of("10.00"), DUE, List.of(
                        allocation("ALPHA", "0.91"), allocation("BRAVO", "2.73"), allocation("CHARLIE", "6.36"))));
    }

    @Test
    void allocatesByWhatEachInvestorHasLeftUncalled() {
        // ALPHA has 600,000 uncalled, BRAVO 200,000: a call of 400.00 splits 300.00 / 100.00.
        fixture.given(admitted("ALPHA", "1000000.00"), admitted("BRAVO", "200000.00"),
                        new CapitalCalled(CapitalCallId.random(), Usd.of("400000.00"), DUE,
                                List.of(allocation("ALPHA", "400000.00"))))
                .when(new CallCapitalCommand(CALL, Usd.of("400.00"), DUE))
                .expectEvents(new CapitalCalled(CALL, Usd.of("400.00"), DUE, List.of(
                        allocation("ALPHA", "300.00"), allocation("BRAVO", "100.00"))));
    }

    @Test
    void callsEverythingUncalledAndLeavesFullyCalledInvestorsOut() {
        fixture.given(admitted("ALPHA", "1000.00"), admitted("BRAVO", "500.00"),
                        new CapitalCalled(CapitalCallId.random(), Usd.of("1000.00"), DUE, List.of(allocation("ALPHA", "1000.00"))))
                .when(new CallCapitalCommand(CALL, Usd.of("500.00"), DUE))
                .expectEvents(new CapitalCalled(CALL, Usd.of("500.00"), DUE, List.of(allocation("BRAVO", "500.00"))));
    }

    @Test
    void refusesACallAboveTheUncalledCommitments() {
        fixture.given(admitted("ALPHA", "1000.00"), admitted("BRAVO", "500.00"))
                .when(new CallCapitalCommand(CALL, Usd.of("1500.01"), DUE))
                .expectException(violationOf("call-exceeds-uncalled"))
                .expectExceptionMessage("capital call of USD 1500.01 exceeds the USD 1500.00 of uncalled commitments")
                .expectNoEvents();
    }

    @Test
    void refusesACallWithNoInvestors() {
        fixture.givenNoPriorActivity()
                .when(new CallCapitalCommand(CALL, Usd.of("100.00"), DUE))
                .expectException(violationOf("no-investors"))
                .expectExceptionMessage("capital call of USD 100.00 cannot be allocated: no investor has been admitted")
                .expectNoEvents();
    }

    @Test
    void acceptsContributionsUpToTheInvestorsAllocation() {
        fixture.given(admitted("ALPHA", "1000.00"), called("100.00"), contributed("60.00"))
                .when(new ContributeCapitalCommand(CONTRIBUTION, InvestorId.of("ALPHA"), CALL, Usd.of("40.00"), DUE))
                .expectEvents(new CapitalContributed(CONTRIBUTION, InvestorId.of("ALPHA"), CALL, Usd.of("40.00"), DUE));
    }

    @Test
    void refusesAContributionAboveTheInvestorsAllocation() {
        fixture.given(admitted("ALPHA", "1000.00"), called("100.00"), contributed("60.00"))
                .when(new ContributeCapitalCommand(CONTRIBUTION, InvestorId.of("ALPHA"), CALL, Usd.of("40.01"), DUE))
                .expectException(violationOf("contribution-exceeds-allocation"))
                .expectExceptionMessage("contribution of USD 40.01 exceeds the USD 40.00 investor ALPHA still owes on "
                        + "capital call " + CALL)
                .expectNoEvents();
    }

    @Test
    void refusesAContributionFromAnInvestorTheCallLeftOut() {
        fixture.given(admitted("ALPHA", "1000.00"), admitted("BRAVO", "1000.00"), called("100.00"))
                .when(new ContributeCapitalCommand(CONTRIBUTION, InvestorId.of("BRAVO"), CALL, Usd.of("0.01"), DUE))
                .expectException(violationOf("contribution-exceeds-allocation"))
                .expectNoEvents();
    }

    @Test
    void anUnknownInvestorOrCallIsAnUnknownResource() {
        fixture.given(admitted("ALPHA", "1000.00"), called("100.00"))
                .when(new ContributeCapitalCommand(CONTRIBUTION, InvestorId.of("ZULU"), CALL, Usd.of("1.00"), DUE))
                .expectException(UnknownResource.class)
                .expectExceptionMessage("no investor ZULU")
                .expectNoEvents();
        CapitalCallId unknown = CapitalCallId.of(UUID.fromString("00000000-0000-4000-8000-0000000000ff"));
        fixture.given(admitted("ALPHA", "1000.00"), called("100.00"))
                .when(new ContributeCapitalCommand(CONTRIBUTION, InvestorId.of("ALPHA"), unknown, Usd.of("1.00"), DUE))
                .expectException(UnknownResource.class)
                .expectExceptionMessage("no capital call " + unknown)
                .expectNoEvents();
    }

    private static InvestorAdmitted admitted(String id, String commitment) {
        return new InvestorAdmitted(InvestorId.of(id), "Fund " + id, Usd.of(commitment));
    }

    private static CapitalCalled.Allocation allocation(String id, String amount) {
        return new CapitalCalled.Allocation(InvestorId.of(id), Usd.of(amount));
    }

    /** CALL, all of it allocated to ALPHA. */
    private static CapitalCalled called(String amount) {
        return new CapitalCalled(CALL, Usd.of(amount), DUE, List.of(allocation("ALPHA", amount)));
    }

    private static CapitalContributed contributed(String amount) {
        return new CapitalContributed(ContributionId.random(), InvestorId.of("ALPHA"), CALL, Usd.of(amount), DUE);
    }
}
