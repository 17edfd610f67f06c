package org.reserveledger.domain.financing;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reserveledger.domain.shared.CapitalCallId;
import org.reserveledger.domain.shared.ContributionId;
import org.reserveledger.domain.shared.DomainRuleViolation;
import org.reserveledger.domain.shared.InvestorId;
import org.reserveledger.domain.shared.Usd;

import java.time.LocalDate;
import java.util.List;

class PrivateCapitalTest {

    private static final CapitalCallId CALL = CapitalCallId.of(java.util.UUID.fromString("00000000-0000-4000-8000-00000000000c"));
    private static final LocalDate DUE = LocalDate.parse("2026-06-30");

    private AggregateTestFixture<PrivateCapital> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(PrivateCapital.class);
    }

    @Test
    void splitsACallEquallyAndGivesTheLeftoverCentToTheFirstInvestor() {
        fixture.given(admitted("ALPHA", "1000000.00"), admitted("BRAVO", "1000000.00"), admitted("CHARLIE", "1000000.00"))
                .when(new CallCapitalCommand(CALL, Usd.of("100.00"), DUE))
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
    void refusesACallAboveTheUncalledCommitments() {
        fixture.given(admitted("ALPHA", "1000.00"), admitted("BRAVO", "500.00"))
                .when(new CallCapitalCommand(CALL, Usd.of("1500.01"), DUE))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("capital call of USD 1500.01 exceeds the USD 1500.00 of uncalled commitments")
                .expectNoEvents();
    }

    @Test
    void refusesAContributionAboveTheInvestorsAllocation() {
        fixture.given(admitted("ALPHA", "1000.00"),
                        new CapitalCalled(CALL, Usd.of("100.00"), DUE, List.of(allocation("ALPHA", "100.00"))),
                        new CapitalContributed(ContributionId.random(), InvestorId.of("ALPHA"), CALL, Usd.of("60.00"), DUE))
                .when(new ContributeCapitalCommand(ContributionId.random(), InvestorId.of("ALPHA"), CALL, Usd.of("40.01"), DUE))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    private static InvestorAdmitted admitted(String id, String commitment) {
        return new InvestorAdmitted(InvestorId.of(id), "Fund " + id, Usd.of(commitment));
    }

    private static CapitalCalled.Allocation allocation(String id, String amount) {
        return new CapitalCalled.Allocation(InvestorId.of(id), Usd.of(amount));
    }
}
