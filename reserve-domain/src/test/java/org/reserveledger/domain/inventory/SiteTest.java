package org.reserveledger.domain.inventory;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reserveledger.domain.shared.CountryCode;
import org.reserveledger.domain.shared.DepositId;
import org.reserveledger.domain.shared.DomainRuleViolation;
import org.reserveledger.domain.shared.LotId;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.Usd;
import org.reserveledger.domain.shared.WithdrawalId;

import java.time.Instant;
import java.util.List;

class SiteTest {

    private static final SiteId RENO = SiteId.of("NV-RENO-01");
    private static final WithdrawalId WITHDRAWAL = WithdrawalId.of("6f1c1a3e-0000-4000-8000-0000000000f1");
    private static final Lot CHILEAN = lot("6f1c1a3e-0000-4000-8000-000000000001", "10.5", "CL", "2026-01-01T00:00:00Z");
    private static final Lot AUSTRALIAN = lot("6f1c1a3e-0000-4000-8000-000000000002", "20", "AU", "2026-02-01T00:00:00Z");

    private AggregateTestFixture<Site> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Site.class);
    }

    @Test
    void registersASiteWithItsCapacity() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSiteCommand(RENO, "Reno", "NV", Tonnes.of("100")))
                .expectEvents(new SiteRegistered(RENO, "Reno", "NV", Tonnes.of("100")));
    }

    @Test
    void refusesAZeroCapacity() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSiteCommand(RENO, "Reno", "NV", Tonnes.ZERO))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void acceptsADepositThatFillsTheSiteExactly() {
        DepositId deposit = DepositId.of("6f1c1a3e-0000-4000-8000-0000000000d1");
        fixture.given(registered("30.5"), new LotDeposited(RENO, DepositId.random(), CHILEAN))
                .when(new DepositLotCommand(RENO, deposit, AUSTRALIAN))
                .expectEvents(new LotDeposited(RENO, deposit, AUSTRALIAN));
    }

    @Test
    void refusesADepositBeyondCapacity() {
        fixture.given(registered("30.499"), new LotDeposited(RENO, DepositId.random(), CHILEAN))
                .when(new DepositLotCommand(RENO, DepositId.random(), AUSTRALIAN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("deposit of 20.000 t exceeds the 19.999 t free at NV-RENO-01 "
                        + "(capacity 30.499 t, 10.500 t used or reserved)")
                .expectNoEvents();
    }

    @Test
    void takesTheOldestLotFirstEvenWhenItWasDepositedLater() {
        fixture.given(registered("100"), new LotDeposited(RENO, DepositId.random(), AUSTRALIAN),
                        new LotDeposited(RENO, DepositId.random(), CHILEAN))
                .when(new WithdrawStockCommand(RENO, WITHDRAWAL, Mineral.COBALT, Tonnes.of("12"), WithdrawalReason.SALE, null))
                .expectResultMessagePayload(List.of(new LotPortion(CHILEAN.lotId(), Tonnes.of("10.5")),
                        new LotPortion(AUSTRALIAN.lotId(), Tonnes.of("1.5"))))
                .expectEvents(new StockWithdrawn(RENO, WITHDRAWAL, Mineral.COBALT, Tonnes.of("12"), WithdrawalReason.SALE,
                        null, List.of(new LotPortion(CHILEAN.lotId(), Tonnes.of("10.5")),
                        new LotPortion(AUSTRALIAN.lotId(), Tonnes.of("1.5")))));
    }

    @Test
    void refusesAWithdrawalBeyondStockStatingTheNumbers() {
        fixture.given(registered("100"), new LotDeposited(RENO, DepositId.random(), CHILEAN))
                .when(new WithdrawStockCommand(RENO, WITHDRAWAL, Mineral.COBALT, Tonnes.of("12"), WithdrawalReason.SALE, null))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("withdrawal of 12.000 t COBALT exceeds the 10.500 t available at NV-RENO-01")
                .expectNoEvents();
    }

    @Test
    void stockWithdrawnIsGoneForTheNextWithdrawal() {
        fixture.given(registered("100"), new LotDeposited(RENO, DepositId.random(), CHILEAN),
                        new StockWithdrawn(RENO, WithdrawalId.random(), Mineral.COBALT, Tonnes.of("10"), WithdrawalReason.LOSS,
                                null, List.of(new LotPortion(CHILEAN.lotId(), Tonnes.of("10")))))
                .when(new WithdrawStockCommand(RENO, WITHDRAWAL, Mineral.COBALT, Tonnes.of("0.501"), WithdrawalReason.SALE, null))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void takesNamedLotsWhenTheOperatorChoosesThem() {
        List<LotPortion> named = List.of(new LotPortion(AUSTRALIAN.lotId(), Tonnes.of("5")));
        fixture.given(registered("100"), new LotDeposited(RENO, DepositId.random(), CHILEAN),
                        new LotDeposited(RENO, DepositId.random(), AUSTRALIAN))
                .when(new WithdrawStockCommand(RENO, WITHDRAWAL, Mineral.COBALT, Tonnes.of("5"), WithdrawalReason.SALE,
                        "REF-1", named))
                .expectEvents(new StockWithdrawn(RENO, WITHDRAWAL, Mineral.COBALT, Tonnes.of("5"), WithdrawalReason.SALE,
                        "REF-1", named));
    }

    @Test
    void refusesANamedLotTheSiteDoesNotHold() {
        fixture.given(registered("100"), new LotDeposited(RENO, DepositId.random(), CHILEAN))
                .when(new WithdrawStockCommand(RENO, WITHDRAWAL, Mineral.COBALT, Tonnes.of("5"), WithdrawalReason.SALE,
                        null, List.of(new LotPortion(AUSTRALIAN.lotId(), Tonnes.of("5")))))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void roomReservedForAnInboundTransferCountsAgainstCapacity() {
        fixture.given(registered("25"), new InboundTransferReserved(RENO, org.reserveledger.domain.shared.TransferId.random(),
                        SiteId.of("TX-HOUSTON-01"), Mineral.COBALT, Tonnes.of("20"), List.of(AUSTRALIAN)))
                .when(new DepositLotCommand(RENO, DepositId.random(), lot("6f1c1a3e-0000-4000-8000-000000000003", "5.001", "CD",
                        "2026-03-01T00:00:00Z")))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    private static SiteRegistered registered(String capacity) {
        return new SiteRegistered(RENO, "Reno", "NV", Tonnes.of(capacity));
    }

    private static Lot lot(String id, String tonnes, String country, String receivedAt) {
        return new Lot(LotId.of(id), Mineral.COBALT, "hydroxide", Tonnes.of(tonnes), Usd.of("30000.00"), "Trader " + country,
                CountryCode.of(country), FundingSource.EXIM_LOAN, Instant.parse(receivedAt));
    }
}
