package org.reserveledger.domain.shared;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.reserveledger.domain.commitment.ChargeStorageFeesCommand;
import org.reserveledger.domain.commitment.Commitment;
import org.reserveledger.domain.commitment.CommitmentMade;
import org.reserveledger.domain.inventory.DepositLotCommand;
import org.reserveledger.domain.inventory.FundingSource;
import org.reserveledger.domain.inventory.Lot;
import org.reserveledger.domain.inventory.LotDeposited;
import org.reserveledger.domain.inventory.Site;
import org.reserveledger.domain.inventory.SiteRegistered;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.reserveledger.domain.shared.RuleViolationMatchers.violationOf;

/**
 * No event carries an amount above USD 1e15, however large the fields that multiply into it.
 */
class LedgerBoundsTest {

    private static final SiteId SITE = SiteId.of("NV-RENO-01");
    private static final DepositId DEPOSIT = DepositId.of("6f1c1a3e-0000-4000-8000-0000000000d1");
    private static final CommitmentId COMMITMENT = CommitmentId.of("00000000-0000-4000-8000-000000000001");

    @Test
    void aLotWorthExactlyTheBoundIsDeposited() {
        Lot lot = lot("1000000000", "1000000.00");
        new AggregateTestFixture<>(Site.class)
                .given(new SiteRegistered(SITE, "Reno", "NV", Tonnes.of("1000000000")))
                .when(new DepositLotCommand(SITE, DEPOSIT, lot))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new LotDeposited(SITE, DEPOSIT, lot));
    }

    @Test
    void refusesALotWorthACentATonneMoreThanTheBound() {
        // 1e9 t × USD 1 000 000.01 = USD 1 000 000 010 000 000.00, above USD 1 000 000 000 000 000.
        new AggregateTestFixture<>(Site.class)
                .given(new SiteRegistered(SITE, "Reno", "NV", Tonnes.of("1000000000")))
                .when(new DepositLotCommand(SITE, DEPOSIT, lot("1000000000", "1000000.01")))
                .expectException(violationOf(OutOfLedgerBounds.CODE))
                .expectExceptionMessage("the lot's value (quantityTonnes × unitCostUsd) would be USD "
                        + "1000000010000000.00, above the ledger's bound of USD 1000000000000000")
                .expectNoEvents();
    }

    @Test
    void aCommitmentRecordedBeforeTheBoundsChargesNoFeeBeyondThem() {
        // 1e9 t × USD 1e13 a tonne-month = USD 1e22 for January: refused, and nothing of the run is charged.
        new AggregateTestFixture<>(Commitment.class)
                .given(new CommitmentMade(COMMITMENT, ManufacturerId.of("VOLTCELL"), Mineral.LITHIUM,
                        Tonnes.of("1000000000"), Usd.of("1"), LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2027-01-01"), Usd.ZERO, Usd.of("10000000000000"), 30))
                .when(new ChargeStorageFeesCommand(COMMITMENT, LocalDate.parse("2026-02-28")))
                .expectException(violationOf(OutOfLedgerBounds.CODE))
                .expectNoEvents();
    }

    @Test
    void refusesATermLongerThanFiftyYearsAndNamesTheField() {
        LocalDate start = LocalDate.parse("2026-01-01");
        LedgerBounds.requireTerm("endDate", start, start.plusYears(50));
        assertThatThrownBy(() -> LedgerBounds.requireTerm("endDate", start, start.plusYears(50).plusDays(1)))
                .isInstanceOfSatisfying(OutOfLedgerBounds.class, e -> assertThat(e.field()).isEqualTo("endDate"))
                .hasMessageContaining("50 years");
    }

    @Test
    void theBoundItselfIsAnAmountAndACentMoreIsNot() {
        LedgerBounds.requireAmount("amountUsd", "an amount", new BigDecimal("1000000000000000.00"));
        assertThatThrownBy(() -> LedgerBounds.requireAmount("amountUsd", "an amount", new BigDecimal("1000000000000000.01")))
                .isInstanceOf(OutOfLedgerBounds.class);
    }

    private static Lot lot(String tonnes, String unitCost) {
        return new Lot(LotId.of("6f1c1a3e-0000-4000-8000-000000000001"), Mineral.COBALT, "hydroxide", Tonnes.of(tonnes),
                Usd.of(unitCost), "Trader CD", CountryCode.of("CD"), FundingSource.EXIM_LOAN,
                Instant.parse("2026-01-01T00:00:00Z"));
    }
}
