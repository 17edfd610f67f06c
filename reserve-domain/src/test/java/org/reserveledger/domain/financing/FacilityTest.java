package org.reserveledger.domain.financing;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reserveledger.domain.shared.DomainRuleViolation;
import org.reserveledger.domain.shared.DrawdownId;
import org.reserveledger.domain.shared.FacilityId;
import org.reserveledger.domain.shared.RepaymentId;
import org.reserveledger.domain.shared.Usd;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class FacilityTest {

    private static final FacilityId EXIM = FacilityId.of("EXIM-VAULT-1");
    private static final RepaymentId REPAYMENT = RepaymentId.of(java.util.UUID.fromString("00000000-0000-4000-8000-0000000000aa"));

    private AggregateTestFixture<Facility> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Facility.class);
    }

    @Test
    void accruesSimpleDailyInterestOnActual360() {
        // USD 100,000,000 at 4.5 % for the 59 days from 1 January to 1 March 2026
        assertThat(InterestAccrual.between(new BigDecimal("100000000.00"), new BigDecimal("4.5"), DayCount.ACT_360,
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-03-01"))).isEqualByComparingTo("737500.00");
        assertThat(InterestAccrual.between(new BigDecimal("100000000.00"), new BigDecimal("4.5"), DayCount.ACT_365,
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-03-01"))).isEqualByComparingTo("727397.260273972603");
    }

    @Test
    void aRepaymentSettlesAccruedInterestBeforePrincipal() {
        fixture.given(established("100000000.00"), drawn("100000000.00", "2026-01-01"))
                .when(new RepayLoanCommand(EXIM, REPAYMENT, Usd.of("1000000.00"), LocalDate.parse("2026-03-01")))
                .expectEvents(new LoanRepaid(EXIM, REPAYMENT, Usd.of("1000000.00"), LocalDate.parse("2026-03-01"),
                        Usd.of("737500.00"), Usd.of("262500.00")));
    }

    @Test
    void aRepaymentSmallerThanTheInterestPaysOnlyInterest() {
        fixture.given(established("100000000.00"), drawn("100000000.00", "2026-01-01"))
                .when(new RepayLoanCommand(EXIM, REPAYMENT, Usd.of("500000.00"), LocalDate.parse("2026-03-01")))
                .expectEvents(new LoanRepaid(EXIM, REPAYMENT, Usd.of("500000.00"), LocalDate.parse("2026-03-01"),
                        Usd.of("500000.00"), Usd.ZERO));
    }

    @Test
    void refusesARepaymentAboveWhatIsOwed() {
        fixture.given(established("100000000.00"), drawn("100000000.00", "2026-01-01"))
                .when(new RepayLoanCommand(EXIM, REPAYMENT, Usd.of("100737500.01"), LocalDate.parse("2026-03-01")))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void refusesADrawdownBeyondTheUndrawnLimit() {
        fixture.given(established("10000000000.00"), drawn("9999999999.99", "2026-01-01"))
                .when(new DrawLoanCommand(EXIM, DrawdownId.random(), Usd.of("0.02"), LocalDate.parse("2026-02-01"), "More"))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("drawdown of USD 0.02 exceeds the USD 0.01 undrawn of facility EXIM-VAULT-1 "
                        + "(limit USD 10000000000.00, drawn USD 9999999999.99)")
                .expectNoEvents();
    }

    private static FacilityEstablished established(String limit) {
        return new FacilityEstablished(EXIM, "Export-Import Bank of the United States", Usd.of(limit), new BigDecimal("4.5"),
                DayCount.ACT_360, LocalDate.parse("2041-02-01"));
    }

    private static LoanDrawn drawn(String amount, String on) {
        return new LoanDrawn(EXIM, DrawdownId.random(), Usd.of(amount), LocalDate.parse(on), "Procurement");
    }
}
