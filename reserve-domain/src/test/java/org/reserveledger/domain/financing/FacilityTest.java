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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reserveledger.domain.shared.RuleViolationMatchers.violationOf;

/**
 * A facility's limit, maturity and value-date order, and simple daily interest that repayments
 * settle before principal. Every figure is worked by hand in the comments.
 */
class FacilityTest {

    private static final FacilityId EXIM = FacilityId.of("EXIM-VAULT-1");
    private static final String LENDER = "Export-Import Bank of the United States";
    private static final LocalDate MATURITY = LocalDate.parse("2041-02-01");
    private static final LocalDate JAN_1 = LocalDate.parse("2026-01-01");
    private static final LocalDate MAR_1 = LocalDate.parse("2026-03-01");
    private static final LocalDate MAR_31 = LocalDate.parse("2026-03-31");
    private static final DrawdownId DRAWDOWN = DrawdownId.of(UUID.fromString("00000000-0000-4000-8000-0000000000dd"));
    private static final RepaymentId REPAYMENT = RepaymentId.of(UUID.fromString("00000000-0000-4000-8000-0000000000aa"));

    private AggregateTestFixture<Facility> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Facility.class);
    }

    @Test
    void accruesSimpleDailyInterestOnTheYearOfItsDayCount() {
        // USD 100,000,000 × 4.5 % for the 59 days from 1 January to 1 March 2026: × 59/360 = 737,500;
        // × 59/365 = 727,397.260273972602739…, kept to 12 decimals.
        assertThat(InterestAccrual.between(new BigDecimal("100000000.00"), new BigDecimal("4.5"), DayCount.ACT_360,
                JAN_1, MAR_1)).isEqualByComparingTo("737500.00");
        assertThat(InterestAccrual.between(new BigDecimal("100000000.00"), new BigDecimal("4.5"), DayCount.ACT_365,
                JAN_1, MAR_1)).isEqualByComparingTo("727397.260273972603");
    }

    @Test
    void keepsInterestExactBetweenFlowsAndRoundsItOnlyWhenShown() {
        // 1,000.00 at 4.5 % ACT/360 earns exactly 0.125 a day, shown 0.12 after one day (half to even)
        // and 0.25 after two, accrued day by day or at once; rounding each day would have lost a cent.
        InterestAccrual loan = InterestAccrual.on(new BigDecimal("4.5"), DayCount.ACT_360).drawn(Usd.of("1000.00"), JAN_1);
        assertThat(loan.to(JAN_1.plusDays(1)).interestDue()).isEqualTo(Usd.of("0.12"));
        assertThat(loan.to(JAN_1.plusDays(1)).to(JAN_1.plusDays(2)).interestDue()).isEqualTo(Usd.of("0.25"));
        assertThat(loan.to(JAN_1.plusDays(3)).interestDue()).isEqualTo(Usd.of("0.38"));
    }

    @Test
    void establishesAFacilityCountingActual360UnlessTold() {
        fixture.givenNoPriorActivity()
                .when(new EstablishFacilityCommand(EXIM, LENDER, Usd.of("10000000000"), new BigDecimal("4.5"), null, MATURITY))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new FacilityEstablished(EXIM, LENDER, Usd.of("10000000000.00"), new BigDecimal("4.5"),
                        DayCount.ACT_360, MATURITY));
    }

    @Test
    void refusesARateOfNothingOrAboveAHundredPercent() {
        fixture.givenNoPriorActivity()
                .when(new EstablishFacilityCommand(EXIM, LENDER, Usd.of("1000"), new BigDecimal("100.01"),
                        DayCount.ACT_365, MATURITY))
                .expectException(violationOf("rate-out-of-range"))
                .expectExceptionMessage("a facility's annual interest rate must be above 0 % and at most 100 %, not 100.01 %")
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new EstablishFacilityCommand(EXIM, LENDER, Usd.of("1000"), BigDecimal.ZERO, DayCount.ACT_360, MATURITY))
                .expectException(violationOf("rate-out-of-range"))
                .expectNoEvents();
    }

    @Test
    void aRepaymentSettlesAccruedInterestBeforePrincipal() {
        // 737,500.00 of interest is due on 1 March; the remaining 262,500.00 repays principal.
        fixture.given(established("100000000.00"), drawn("100000000.00", JAN_1))
                .when(new RepayLoanCommand(EXIM, REPAYMENT, Usd.of("1000000.00"), MAR_1))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new LoanRepaid(EXIM, REPAYMENT, Usd.of("1000000.00"), MAR_1,
                        Usd.of("737500.00"), Usd.of("262500.00")))
                .expectEvents(new LoanRepaid(EXIM, REPAYMENT, Usd.of("1000000.00"), MAR_1,
                        Usd.of("737500.00"), Usd.of("262500.00")));
    }

    @Test
    void aRepaymentSmallerThanTheInterestPaysOnlyInterestAndTheRestStaysDue() {
        // 500,000.00 of the 737,500.00 is paid on 1 March; by 31 March 237,500.00 is still due plus
        // 100,000,000 × 4.5 % × 30/360 = 375,000.00: 612,500.00, all of it interest.
        fixture.given(established("100000000.00"), drawn("100000000.00", JAN_1),
                        new LoanRepaid(EXIM, RepaymentId.random(), Usd.of("500000.00"), MAR_1, Usd.of("500000.00"), Usd.ZERO))
                .when(new RepayLoanCommand(EXIM, REPAYMENT, Usd.of("612500.00"), MAR_31))
                .expectEvents(new LoanRepaid(EXIM, REPAYMENT, Usd.of("612500.00"), MAR_31,
                        Usd.of("612500.00"), Usd.ZERO));
    }

    @Test
    void interestAccruesOnThePrincipalLeftAfterARepayment() {
        // After 1 March 99,737,500.00 is outstanding: × 4.5 % × 30/360 = 374,015.625, due 374,015.62.
        // Everything owed on 31 March is 99,737,500.00 + 374,015.62 = 100,111,515.62.
        fixture.given(established("100000000.00"), drawn("100000000.00", JAN_1), repaid("1000000.00", "737500.00", MAR_1))
                .when(new RepayLoanCommand(EXIM, REPAYMENT, Usd.of("100111515.62"), MAR_31))
                .expectEvents(new LoanRepaid(EXIM, REPAYMENT, Usd.of("100111515.62"), MAR_31,
                        Usd.of("374015.62"), Usd.of("99737500.00")));
    }

    @Test
    void refusesARepaymentAboveWhatIsOwed() {
        fixture.given(established("100000000.00"), drawn("100000000.00", JAN_1), repaid("1000000.00", "737500.00", MAR_1))
                .when(new RepayLoanCommand(EXIM, REPAYMENT, Usd.of("100111515.63"), MAR_31))
                .expectException(violationOf("repayment-exceeds-owed"))
                .expectExceptionMessage("repayment of USD 100111515.63 exceeds the USD 100111515.62 owed on facility "
                        + "EXIM-VAULT-1 on 2026-03-31 (principal USD 99737500.00, interest USD 374015.62)")
                .expectNoEvents();
    }

    @Test
    void refusesARepaymentWhenNothingIsDrawn() {
        fixture.given(established("100000000.00"))
                .when(new RepayLoanCommand(EXIM, REPAYMENT, Usd.of("0.01"), MAR_1))
                .expectException(violationOf("repayment-exceeds-owed"))
                .expectNoEvents();
    }

    @Test
    void drawsUpToTheLimitExactly() {
        fixture.given(established("10000000000.00"), drawn("9999999999.99", JAN_1))
                .when(new DrawLoanCommand(EXIM, DRAWDOWN, Usd.of("0.01"), MAR_1, "Last cent"))
                .expectEvents(new LoanDrawn(EXIM, DRAWDOWN, Usd.of("0.01"), MAR_1, "Last cent"));
    }

    @Test
    void refusesADrawdownBeyondTheUndrawnLimit() {
        fixture.given(established("10000000000.00"), drawn("9999999999.99", JAN_1))
                .when(new DrawLoanCommand(EXIM, DRAWDOWN, Usd.of("0.02"), MAR_1, "More"))
                .expectException(DomainRuleViolation.class)
                .expectException(violationOf("limit-exceeded"))
                .expectExceptionMessage("drawdown of USD 0.02 exceeds the USD 0.01 undrawn of facility EXIM-VAULT-1 "
                        + "(limit USD 10000000000.00, drawn USD 9999999999.99)")
                .expectNoEvents();
    }

    @Test
    void repaidPrincipalCannotBeDrawnAgain() {
        // Not revolving: the limit caps what was ever drawn, not what is outstanding.
        fixture.given(established("1000000.00"), drawn("1000000.00", JAN_1), repaid("500000.00", "0.00", JAN_1))
                .when(new DrawLoanCommand(EXIM, DRAWDOWN, Usd.of("1.00"), MAR_1, "Again"))
                .expectException(violationOf("limit-exceeded"))
                .expectExceptionMessage("drawdown of USD 1.00 exceeds the USD 0.00 undrawn of facility EXIM-VAULT-1 "
                        + "(limit USD 1000000.00, drawn USD 1000000.00)")
                .expectNoEvents();
    }

    @Test
    void drawsOnTheMaturityDateButNotAfter() {
        fixture.given(established("1000000.00"))
                .when(new DrawLoanCommand(EXIM, DRAWDOWN, Usd.of("1.00"), MATURITY, "Last day"))
                .expectEvents(new LoanDrawn(EXIM, DRAWDOWN, Usd.of("1.00"), MATURITY, "Last day"));
        fixture.given(established("1000000.00"))
                .when(new DrawLoanCommand(EXIM, DRAWDOWN, Usd.of("1.00"), MATURITY.plusDays(1), "Too late"))
                .expectException(violationOf("facility-matured"))
                .expectExceptionMessage("facility EXIM-VAULT-1 matured on 2041-02-01; no drawdown on 2041-02-02")
                .expectNoEvents();
    }

    @Test
    void refusesAFlowDatedBeforeTheLastOne() {
        fixture.given(established("1000000.00"), drawn("1000.00", MAR_1))
                .when(new DrawLoanCommand(EXIM, DRAWDOWN, Usd.of("1.00"), MAR_1.minusDays(1), "Backdated"))
                .expectException(violationOf("value-date-out-of-order"))
                .expectExceptionMessage("facility EXIM-VAULT-1 has flows up to 2026-03-01; a flow cannot be dated 2026-02-28")
                .expectNoEvents();
        fixture.given(established("1000000.00"), drawn("1000.00", MAR_1))
                .when(new RepayLoanCommand(EXIM, REPAYMENT, Usd.of("1.00"), MAR_1.minusDays(1)))
                .expectException(violationOf("value-date-out-of-order"))
                .expectNoEvents();
    }

    @Test
    void aFacilityHasAnIdentifierApartFromSiteCodes() {
        assertThat(Facility.idOf(EXIM)).isEqualTo("facility:EXIM-VAULT-1");
        assertThat(new DrawLoanCommand(EXIM, DRAWDOWN, Usd.of("1"), JAN_1, null).aggregateId())
                .isEqualTo("facility:EXIM-VAULT-1");
    }

    private static FacilityEstablished established(String limit) {
        return new FacilityEstablished(EXIM, LENDER, Usd.of(limit), new BigDecimal("4.5"), DayCount.ACT_360, MATURITY);
    }

    private static LoanDrawn drawn(String amount, LocalDate on) {
        return new LoanDrawn(EXIM, DrawdownId.random(), Usd.of(amount), on, "Procurement");
    }

    private static LoanRepaid repaid(String amount, String interest, LocalDate on) {
        Usd paid = Usd.of(amount);
        return new LoanRepaid(EXIM, RepaymentId.random(), paid, on, Usd.of(interest), paid.minus(Usd.of(interest)));
    }
}
