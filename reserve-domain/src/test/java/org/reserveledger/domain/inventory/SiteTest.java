package org.reserveledger.domain.inventory;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.reserveledger.domain.period.ClosedPeriods;
import org.reserveledger.domain.shared.CommitmentId;
import org.reserveledger.domain.shared.CountryCode;
import org.reserveledger.domain.shared.DepositId;
import org.reserveledger.domain.shared.DrawId;
import org.reserveledger.domain.shared.LotId;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.TransferId;
import org.reserveledger.domain.shared.UnknownResource;
import org.reserveledger.domain.shared.Usd;
import org.reserveledger.domain.shared.WithdrawalId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.reserveledger.domain.shared.RuleViolationMatchers.violationOf;

/**
 * The rules one storage site keeps on its own: stock per mineral never below zero, taken oldest
 * lot first, and never more held or reserved than its capacity.
 */
class SiteTest {

    static final SiteId RENO = SiteId.of("NV-RENO-01");
    static final SiteId HOUSTON = SiteId.of("TX-HOUSTON-01");
    static final WithdrawalId WITHDRAWAL = WithdrawalId.of("6f1c1a3e-0000-4000-8000-0000000000f1");
    static final DepositId DEPOSIT = DepositId.of("6f1c1a3e-0000-4000-8000-0000000000d1");
    // The business instant of withdrawals that are not back-dated: after every lot below was received.
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    // Cobalt lots, named after their origin, received in January, February and March.
    static final Lot CHILEAN = cobalt("6f1c1a3e-0000-4000-8000-000000000001", "10.5", "CL", "2026-01-01T00:00:00Z");
    static final Lot AUSTRALIAN = cobalt("6f1c1a3e-0000-4000-8000-000000000002", "20", "AU", "2026-02-01T00:00:00Z");
    static final Lot CONGOLESE = cobalt("6f1c1a3e-0000-4000-8000-000000000003", "5", "CD", "2026-03-01T00:00:00Z");
    // A lithium lot received before every cobalt lot but one.
    static final Lot ARGENTINE = new Lot(LotId.of("6f1c1a3e-0000-4000-8000-000000000004"), Mineral.LITHIUM, "carbonate",
            Tonnes.of("7"), Usd.of("11800.00"), "Trader AR", CountryCode.of("AR"), FundingSource.PRIVATE_CAPITAL,
            Instant.parse("2026-01-15T00:00:00Z"));

    private AggregateTestFixture<Site> fixture;

    // The books are closed through the end of January 2026 for the tests that need a closed period.
    private final AtomicReference<LocalDate> closedThrough = new AtomicReference<>();

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Site.class);
        ClosedPeriods periods = () -> Optional.ofNullable(closedThrough.get());
        fixture.registerInjectableResource(periods);
    }

    @Nested
    class Registration {

        @Test
        void registersASiteWithItsCapacity() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterSiteCommand(RENO, "Reno", "NV", Tonnes.of("100")))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new SiteRegistered(RENO, "Reno", "NV", Tonnes.of("100")));
        }

        @Test
        void refusesAZeroCapacity() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterSiteCommand(RENO, "Reno", "NV", Tonnes.ZERO))
                    .expectException(violationOf("capacity-not-positive"))
                    .expectExceptionMessage("a site's capacity must be positive")
                    .expectNoEvents();
        }
    }

    @Nested
    class Capacity {

        @Test
        void acceptsADepositThatFillsTheSiteExactly() {
            fixture.given(registered("30.5"), deposited(CHILEAN))
                    .when(new DepositLotCommand(RENO, DEPOSIT, AUSTRALIAN))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new LotDeposited(RENO, DEPOSIT, AUSTRALIAN));
        }

        @Test
        void refusesADepositBeyondCapacity() {
            fixture.given(registered("30.499"), deposited(CHILEAN))
                    .when(new DepositLotCommand(RENO, DEPOSIT, AUSTRALIAN))
                    .expectException(violationOf("capacity-exceeded"))
                    .expectExceptionMessage("deposit of 20.000 t exceeds the 19.999 t free at NV-RENO-01 "
                            + "(capacity 30.499 t, 10.500 t used or reserved)")
                    .expectNoEvents();
        }

        @Test
        void countsAllMineralsTogetherAgainstCapacity() {
            // 10.5 t of cobalt and 7 t of lithium leave 2.499 t of a 19.999 t site.
            fixture.given(registered("19.999"), deposited(CHILEAN), deposited(ARGENTINE))
                    .when(new DepositLotCommand(RENO, DEPOSIT, CONGOLESE))
                    .expectException(violationOf("capacity-exceeded"))
                    .expectExceptionMessage("deposit of 5.000 t exceeds the 2.499 t free at NV-RENO-01 "
                            + "(capacity 19.999 t, 17.500 t used or reserved)")
                    .expectNoEvents();
        }

        @Test
        void countsRoomReservedForAnInboundTransferAgainstCapacity() {
            fixture.given(registered("25"), reservedInbound(TransferId.random(), AUSTRALIAN))
                    .when(new DepositLotCommand(RENO, DEPOSIT, withQuantity(CONGOLESE, "5.001")))
                    .expectException(violationOf("capacity-exceeded"))
                    .expectExceptionMessage("deposit of 5.001 t exceeds the 5.000 t free at NV-RENO-01 "
                            + "(capacity 25.000 t, 20.000 t used or reserved)")
                    .expectNoEvents();
        }

        @Test
        void countsAReceivedTransferOnceNotTwice() {
            // Reservation of 20 t turned into 20 t on hand: 5 t are still free, not 5 t minus another 20 t.
            TransferId transfer = TransferId.random();
            fixture.given(registered("25"), reservedInbound(transfer, AUSTRALIAN), received(transfer, AUSTRALIAN))
                    .when(new DepositLotCommand(RENO, DEPOSIT, CONGOLESE))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new LotDeposited(RENO, DEPOSIT, CONGOLESE));
        }

        @Test
        void aReceivedTransferStillTakesItsRoom() {
            TransferId transfer = TransferId.random();
            fixture.given(registered("25"), reservedInbound(transfer, AUSTRALIAN), received(transfer, AUSTRALIAN))
                    .when(new DepositLotCommand(RENO, DEPOSIT, withQuantity(CONGOLESE, "5.001")))
                    .expectException(violationOf("capacity-exceeded"))
                    .expectExceptionMessage("deposit of 5.001 t exceeds the 5.000 t free at NV-RENO-01 "
                            + "(capacity 25.000 t, 20.000 t used or reserved)")
                    .expectNoEvents();
        }

        @Test
        void stockThatLeftTheSiteFreesItsRoom() {
            fixture.given(registered("25.5"), deposited(CHILEAN), deposited(AUSTRALIAN),
                            withdrawn(Mineral.COBALT, new LotPortion(CHILEAN.lotId(), Tonnes.of("10.5"))))
                    .when(new DepositLotCommand(RENO, DEPOSIT, CONGOLESE))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new LotDeposited(RENO, DEPOSIT, CONGOLESE));
        }

        @Test
        void refusesADepositOfNothing() {
            fixture.given(registered("100"))
                    .when(new DepositLotCommand(RENO, DEPOSIT, withQuantity(CHILEAN, "0")))
                    .expectException(violationOf("quantity-not-positive"))
                    .expectNoEvents();
        }
    }

    @Nested
    class FirstInFirstOut {

        @Test
        void takesOldestLotFirst() {
            fixture.given(registered("100"), deposited(CHILEAN), deposited(AUSTRALIAN))
                    .when(withdraw(Mineral.COBALT, "12"))
                    .expectResultMessagePayload(List.of(portion(CHILEAN, "10.5"), portion(AUSTRALIAN, "1.5")))
                    .expectEvents(new StockWithdrawn(RENO, WITHDRAWAL, Mineral.COBALT, Tonnes.of("12"),
                            WithdrawalReason.SALE, "REF-1", List.of(portion(CHILEAN, "10.5"), portion(AUSTRALIAN, "1.5")), NOW));
        }

        @Test
        void takesTheLotReceivedEarlierFirstEvenWhenItWasDepositedLater() {
            fixture.given(registered("100"), deposited(CONGOLESE), deposited(AUSTRALIAN), deposited(CHILEAN))
                    .when(withdraw(Mineral.COBALT, "31"))
                    .expectResultMessagePayload(List.of(portion(CHILEAN, "10.5"), portion(AUSTRALIAN, "20"),
                            portion(CONGOLESE, "0.5")))
                    .expectEvents(new StockWithdrawn(RENO, WITHDRAWAL, Mineral.COBALT, Tonnes.of("31"),
                            WithdrawalReason.SALE, "REF-1", List.of(portion(CHILEAN, "10.5"), portion(AUSTRALIAN, "20"),
                            portion(CONGOLESE, "0.5")), NOW));
        }

        @Test
        void takesTheRestOfAPartlyWithdrawnLotBeforeYoungerLots() {
            fixture.given(registered("100"), deposited(CHILEAN), deposited(AUSTRALIAN),
                            withdrawn(Mineral.COBALT, portion(CHILEAN, "10")))
                    .when(withdraw(Mineral.COBALT, "1"))
                    .expectResultMessagePayload(List.of(portion(CHILEAN, "0.5"), portion(AUSTRALIAN, "0.5")));
        }

        @Test
        void takesOnlyTheMineralAsked() {
            // The lithium lot is older than the Australian cobalt but is not cobalt.
            fixture.given(registered("100"), deposited(AUSTRALIAN), deposited(ARGENTINE))
                    .when(withdraw(Mineral.LITHIUM, "7"))
                    .expectResultMessagePayload(List.of(portion(ARGENTINE, "7")));
        }

        @Test
        void keepsReceiptOrderForLotsArrivingByTransfer() {
            // The Chilean lot arrives by transfer after the Australian one was deposited, but was received first.
            TransferId transfer = TransferId.random();
            fixture.given(registered("100"), deposited(AUSTRALIAN), reservedInbound(transfer, CHILEAN),
                            received(transfer, CHILEAN))
                    .when(withdraw(Mineral.COBALT, "11"))
                    .expectResultMessagePayload(List.of(portion(CHILEAN, "10.5"), portion(AUSTRALIAN, "0.5")));
        }

        @Test
        void doesNotTakeALotDispatchedToAnotherSite() {
            fixture.given(registered("100"), deposited(CHILEAN), deposited(AUSTRALIAN),
                            new StockDispatched(RENO, TransferId.random(), HOUSTON, Mineral.COBALT, Tonnes.of("10.5"),
                                    List.of(CHILEAN), Instant.parse("2026-04-01T00:00:00Z")))
                    .when(withdraw(Mineral.COBALT, "1"))
                    .expectResultMessagePayload(List.of(portion(AUSTRALIAN, "1")));
        }

        @Test
        void doesNotTakeLotsDrawnOrDeliveredToManufacturers() {
            CommitmentId commitment = CommitmentId.random();
            fixture.given(registered("100"), deposited(CHILEAN), deposited(AUSTRALIAN),
                            new StockDrawn(RENO, commitment, DrawId.random(), Mineral.COBALT, Tonnes.of("10"),
                                    List.of(portion(CHILEAN, "10")), Instant.parse("2026-04-01T00:00:00Z")),
                            new StockDelivered(RENO, commitment, Mineral.COBALT, Tonnes.of("0.5"),
                                    List.of(portion(CHILEAN, "0.5")), Instant.parse("2026-04-02T00:00:00Z")))
                    .when(withdraw(Mineral.COBALT, "1"))
                    .expectResultMessagePayload(List.of(portion(AUSTRALIAN, "1")));
        }
    }

    @Nested
    class StockNeverNegative {

        @Test
        void refusesWithdrawalBeyondStock() {
            fixture.given(registered("100"), deposited(CHILEAN))
                    .when(withdraw(Mineral.COBALT, "12"))
                    .expectException(violationOf("insufficient-stock"))
                    .expectExceptionMessage("withdrawal of 12.000 t COBALT exceeds the 10.500 t available at NV-RENO-01")
                    .expectNoEvents();
        }

        @Test
        void refusesWithdrawalOfAMineralTheSiteDoesNotHold() {
            fixture.given(registered("100"), deposited(CHILEAN))
                    .when(withdraw(Mineral.LITHIUM, "0.001"))
                    .expectException(violationOf("insufficient-stock"))
                    .expectExceptionMessage("withdrawal of 0.001 t LITHIUM exceeds the 0.000 t available at NV-RENO-01")
                    .expectNoEvents();
        }

        @Test
        void refusesWithdrawalOfStockAlreadyWithdrawn() {
            fixture.given(registered("100"), deposited(CHILEAN), withdrawn(Mineral.COBALT, portion(CHILEAN, "10")))
                    .when(withdraw(Mineral.COBALT, "0.501"))
                    .expectException(violationOf("insufficient-stock"))
                    .expectExceptionMessage("withdrawal of 0.501 t COBALT exceeds the 0.500 t available at NV-RENO-01")
                    .expectNoEvents();
        }

        @Test
        void allowsWithdrawingExactlyTheStock() {
            fixture.given(registered("100"), deposited(CHILEAN), withdrawn(Mineral.COBALT, portion(CHILEAN, "10")))
                    .when(withdraw(Mineral.COBALT, "0.5"))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(List.of(portion(CHILEAN, "0.5")));
        }

        @Test
        void materialInTransitToTheSiteIsNotYetStock() {
            fixture.given(registered("100"), reservedInbound(TransferId.random(), CHILEAN))
                    .when(withdraw(Mineral.COBALT, "1"))
                    .expectException(violationOf("insufficient-stock"))
                    .expectExceptionMessage("withdrawal of 1.000 t COBALT exceeds the 0.000 t available at NV-RENO-01")
                    .expectNoEvents();
        }

        @Test
        void refusesAWithdrawalOfNothing() {
            fixture.given(registered("100"), deposited(CHILEAN))
                    .when(withdraw(Mineral.COBALT, "0"))
                    .expectException(violationOf("quantity-not-positive"))
                    .expectExceptionMessage("a withdrawal's quantity must be positive")
                    .expectNoEvents();
        }
    }

    @Nested
    class NamedLots {

        @Test
        void takesNamedLotsWhenTheOperatorChoosesThem() {
            List<LotPortion> named = List.of(portion(AUSTRALIAN, "5"));
            fixture.given(registered("100"), deposited(CHILEAN), deposited(AUSTRALIAN))
                    .when(withdraw(Mineral.COBALT, "5", named))
                    .expectResultMessagePayload(named)
                    .expectEvents(new StockWithdrawn(RENO, WITHDRAWAL, Mineral.COBALT, Tonnes.of("5"),
                            WithdrawalReason.SALE, "REF-1", named, NOW));
        }

        @Test
        void refusesANamedLotTheSiteDoesNotHold() {
            fixture.given(registered("100"), deposited(CHILEAN))
                    .when(withdraw(Mineral.COBALT, "5", List.of(portion(AUSTRALIAN, "5"))))
                    .expectException(violationOf("lot-not-held"))
                    .expectExceptionMessage("lot " + AUSTRALIAN.lotId() + " holds no COBALT at NV-RENO-01")
                    .expectNoEvents();
        }

        @Test
        void refusesNamedLotsThatDoNotAddUpToTheQuantity() {
            fixture.given(registered("100"), deposited(CHILEAN), deposited(AUSTRALIAN))
                    .when(withdraw(Mineral.COBALT, "6", List.of(portion(AUSTRALIAN, "5"))))
                    .expectException(violationOf("named-lots-mismatch"))
                    .expectExceptionMessage("the named lots add up to 5.000 t, not the 6.000 t withdrawn")
                    .expectNoEvents();
        }

        @Test
        void refusesTakingMoreFromANamedLotThanItHolds() {
            fixture.given(registered("100"), deposited(CHILEAN), deposited(AUSTRALIAN))
                    .when(withdraw(Mineral.COBALT, "10.501", List.of(portion(CHILEAN, "10.501"))))
                    .expectException(violationOf("insufficient-stock"))
                    .expectExceptionMessage("withdrawal of 10.501 t from lot " + CHILEAN.lotId()
                            + " exceeds the 10.500 t it holds at NV-RENO-01")
                    .expectNoEvents();
        }

        @Test
        void refusesNamingTheSameLotTwiceBeyondWhatItHolds() {
            fixture.given(registered("100"), deposited(CHILEAN))
                    .when(withdraw(Mineral.COBALT, "11", List.of(portion(CHILEAN, "6"), portion(CHILEAN, "5"))))
                    .expectException(violationOf("insufficient-stock"))
                    .expectExceptionMessage("withdrawal of 5.000 t from lot " + CHILEAN.lotId()
                            + " exceeds the 4.500 t it holds at NV-RENO-01")
                    .expectNoEvents();
        }

        @Test
        void takesANamedLotThatArrivedInTwoParts() {
            TransferId first = TransferId.random();
            TransferId second = TransferId.random();
            Lot fiveTonnes = withQuantity(CHILEAN, "5");
            Lot threeTonnes = withQuantity(CHILEAN, "3");
            fixture.given(registered("100"), reservedInbound(first, fiveTonnes), received(first, fiveTonnes),
                            reservedInbound(second, threeTonnes), received(second, threeTonnes))
                    .when(withdraw(Mineral.COBALT, "8", List.of(portion(CHILEAN, "8"))))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(List.of(portion(CHILEAN, "8")));
        }

        @Test
        void refusesANamedLotOfAnotherMineral() {
            fixture.given(registered("100"), deposited(CHILEAN), deposited(ARGENTINE))
                    .when(withdraw(Mineral.COBALT, "1", List.of(portion(ARGENTINE, "1"))))
                    .expectException(violationOf("lot-not-held"))
                    .expectNoEvents();
        }
    }

    @Nested
    class BackDating {

        static final Instant MID_JANUARY = Instant.parse("2026-01-15T00:00:00Z");
        static final Instant FEBRUARY = Instant.parse("2026-02-01T00:00:00Z");
        static final Instant MARCH = Instant.parse("2026-03-01T00:00:00Z");

        @Test
        void takesOnlyTheLotsHeldAtItsOwnInstant() {
            // Mid-January the site held the Chilean lot only; the Australian arrived on 1 February.
            fixture.given(registered("100"), deposited(CHILEAN), deposited(AUSTRALIAN))
                    .when(withdrawAt(Mineral.COBALT, "10", MID_JANUARY))
                    .expectEvents(new StockWithdrawn(RENO, WITHDRAWAL, Mineral.COBALT, Tonnes.of("10"),
                            WithdrawalReason.SALE, "REF-1", List.of(portion(CHILEAN, "10")), MID_JANUARY));
        }

        @Test
        void refusesMoreThanWasHeldAtItsOwnInstant() {
            fixture.given(registered("100"), deposited(CHILEAN), deposited(AUSTRALIAN))
                    .when(withdrawAt(Mineral.COBALT, "12", MID_JANUARY))
                    .expectException(violationOf("insufficient-stock"))
                    .expectExceptionMessage("withdrawal of 12.000 t COBALT exceeds the 10.500 t available at NV-RENO-01"
                            + " on 2026-01-15T00:00:00Z and every later movement")
                    .expectNoEvents();
        }

        @Test
        void refusesWhatWouldLeaveALaterBalanceNegative() {
            // 10.5 t held from January; 8 t left on 1 March. On 1 February 10.5 t were held, but taking more
            // than 2.5 t then would leave the lot short after the March withdrawal.
            fixture.given(registered("100"), deposited(CHILEAN), withdrawnAt(MARCH, portion(CHILEAN, "8")))
                    .when(withdrawAt(Mineral.COBALT, "2.501", FEBRUARY))
                    .expectException(violationOf("insufficient-stock"))
                    .expectExceptionMessage("withdrawal of 2.501 t COBALT exceeds the 2.500 t available at NV-RENO-01"
                            + " on 2026-02-01T00:00:00Z and every later movement")
                    .expectNoEvents();
        }

        @Test
        void takesWhatEveryLaterBalanceLeavesOldestFirst() {
            // The Chilean lot can spare 2.5 t on 1 February (10.5 − 8 later); the rest comes from the Australian.
            fixture.given(registered("100"), deposited(CHILEAN), deposited(AUSTRALIAN),
                            withdrawnAt(MARCH, portion(CHILEAN, "8")))
                    .when(withdrawAt(Mineral.COBALT, "3", FEBRUARY))
                    .expectEvents(new StockWithdrawn(RENO, WITHDRAWAL, Mineral.COBALT, Tonnes.of("3"),
                            WithdrawalReason.SALE, "REF-1", List.of(portion(CHILEAN, "2.5"), portion(AUSTRALIAN, "0.5")),
                            FEBRUARY));
        }

        @Test
        void cannotTakeALotBeforeItArrivedByTransfer() {
            TransferId transfer = TransferId.random();
            // The Chilean lot reached Reno on 2 April, received there from Houston.
            fixture.given(registered("100"), reservedInbound(transfer, CHILEAN), received(transfer, CHILEAN))
                    .when(withdrawAt(Mineral.COBALT, "1", MARCH))
                    .expectException(violationOf("insufficient-stock"))
                    .expectNoEvents();
        }

        @Test
        void refusesANamedLotBeyondWhatItCouldSpareThen() {
            fixture.given(registered("100"), deposited(CHILEAN), withdrawnAt(MARCH, portion(CHILEAN, "8")))
                    .when(new WithdrawStockCommand(RENO, WITHDRAWAL, Mineral.COBALT, Tonnes.of("3"), WithdrawalReason.SALE,
                            "REF-1", List.of(portion(CHILEAN, "3")), FEBRUARY))
                    .expectException(violationOf("insufficient-stock"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Reversals {

        static final WithdrawalId EARLIER = WithdrawalId.of("6f1c1a3e-0000-4000-8000-0000000000f2");
        static final Instant MARCH = Instant.parse("2026-03-01T00:00:00Z");

        @Test
        void reversesADepositWhoseLotIsWhole() {
            fixture.given(registered("100"), new LotDeposited(RENO, DEPOSIT, CHILEAN))
                    .when(new ReverseDepositCommand(RENO, DEPOSIT, "keyed twice"))
                    .expectEvents(new DepositReversed(RENO, DEPOSIT, CHILEAN, "keyed twice"));
        }

        @Test
        void aReversedDepositsLotCanNoLongerBeTaken() {
            fixture.given(registered("100"), new LotDeposited(RENO, DEPOSIT, CHILEAN),
                            new DepositReversed(RENO, DEPOSIT, CHILEAN, "keyed twice"))
                    .when(withdraw(Mineral.COBALT, "0.001"))
                    .expectException(violationOf("insufficient-stock"))
                    .expectNoEvents();
        }

        @Test
        void refusesToReverseADepositPartOfWhichHasLeft() {
            fixture.given(registered("100"), new LotDeposited(RENO, DEPOSIT, CHILEAN),
                            withdrawnAt(MARCH, portion(CHILEAN, "0.5")))
                    .when(new ReverseDepositCommand(RENO, DEPOSIT, "wrong site"))
                    .expectException(violationOf("lot-has-moved"))
                    .expectNoEvents();
        }

        @Test
        void refusesToReverseADepositTwice() {
            fixture.given(registered("100"), new LotDeposited(RENO, DEPOSIT, CHILEAN),
                            new DepositReversed(RENO, DEPOSIT, CHILEAN, "keyed twice"))
                    .when(new ReverseDepositCommand(RENO, DEPOSIT, "again"))
                    .expectException(violationOf("already-reversed"))
                    .expectNoEvents();
        }

        @Test
        void refusesToReverseADepositInAClosedPeriod() {
            closedThrough.set(LocalDate.parse("2026-01-31"));
            fixture.given(registered("100"), new LotDeposited(RENO, DEPOSIT, CHILEAN))
                    .when(new ReverseDepositCommand(RENO, DEPOSIT, "keyed twice"))
                    .expectException(violationOf("period-closed"))
                    .expectNoEvents();
        }

        @Test
        void refusesToReverseAnUnknownDeposit() {
            fixture.given(registered("100"))
                    .when(new ReverseDepositCommand(RENO, DEPOSIT, "keyed twice"))
                    .expectException(UnknownResource.class)
                    .expectNoEvents();
        }

        @Test
        void returnsAWithdrawalsLotsOnItsOwnInstant() {
            fixture.given(registered("100"), deposited(CHILEAN), deposited(AUSTRALIAN),
                            withdrawal(EARLIER, MARCH, portion(CHILEAN, "10.5"), portion(AUSTRALIAN, "1.5")))
                    .when(new ReverseWithdrawalCommand(RENO, EARLIER, "booked at the wrong site"))
                    .expectEvents(new WithdrawalReversed(RENO, EARLIER, Mineral.COBALT, Tonnes.of("12"),
                            List.of(withQuantity(CHILEAN, "10.5"), withQuantity(AUSTRALIAN, "1.5")), MARCH,
                            "booked at the wrong site"));
        }

        @Test
        void aReversedWithdrawalsLotsCanBeTakenAgainFromItsInstant() {
            // The Chilean lot had left whole on 1 March; reversed, it is held again from then, and a withdrawal
            // dated 1 March can take it, while one dated before 1 January still could not.
            fixture.given(registered("100"), deposited(CHILEAN), withdrawal(EARLIER, MARCH, portion(CHILEAN, "10.5")),
                            new WithdrawalReversed(RENO, EARLIER, Mineral.COBALT, Tonnes.of("10.5"), List.of(CHILEAN),
                                    MARCH, "booked at the wrong site"))
                    .when(withdrawAt(Mineral.COBALT, "10.5", MARCH))
                    .expectEvents(new StockWithdrawn(RENO, WITHDRAWAL, Mineral.COBALT, Tonnes.of("10.5"),
                            WithdrawalReason.SALE, "REF-1", List.of(portion(CHILEAN, "10.5")), MARCH));
        }

        @Test
        void refusesToReverseADepositWhoseLotLeftAndCameBack() {
            TransferId out = TransferId.random();
            TransferId back = TransferId.random();
            fixture.given(registered("100"), new LotDeposited(RENO, DEPOSIT, CHILEAN),
                            new StockDispatched(RENO, out, HOUSTON, Mineral.COBALT, Tonnes.of("10.5"), List.of(CHILEAN),
                                    Instant.parse("2026-02-01T00:00:00Z")),
                            new InboundTransferReserved(RENO, back, HOUSTON, Mineral.COBALT, Tonnes.of("10.5"),
                                    List.of(CHILEAN), Instant.parse("2026-03-01T00:00:00Z")),
                            new TransferReceived(RENO, back, HOUSTON, Mineral.COBALT, Tonnes.of("10.5"), List.of(CHILEAN),
                                    Instant.parse("2026-04-02T00:00:00Z")))
                    .when(new ReverseDepositCommand(RENO, DEPOSIT, "wrong site"))
                    .expectException(violationOf("lot-has-moved"))
                    .expectNoEvents();
        }

        @Test
        void aReversedWithdrawalIsAsIfItHadNeverHappenedAtEveryEarlierInstant() {
            // Withdrawn whole on 1 March and reversed: on 1 February the lot could spare all of it again.
            fixture.given(registered("100"), deposited(CHILEAN), withdrawal(EARLIER, MARCH, portion(CHILEAN, "10.5")),
                            new WithdrawalReversed(RENO, EARLIER, Mineral.COBALT, Tonnes.of("10.5"), List.of(CHILEAN),
                                    MARCH, "booked at the wrong site"))
                    .when(withdrawAt(Mineral.COBALT, "10.5", Instant.parse("2026-02-01T00:00:00Z")))
                    .expectEvents(new StockWithdrawn(RENO, WITHDRAWAL, Mineral.COBALT, Tonnes.of("10.5"),
                            WithdrawalReason.SALE, "REF-1", List.of(portion(CHILEAN, "10.5")),
                            Instant.parse("2026-02-01T00:00:00Z")));
        }

        @Test
        void aDepositWhoseOnlyWithdrawalWasReversedCanBeReversed() {
            fixture.given(registered("100"), new LotDeposited(RENO, DEPOSIT, CHILEAN),
                            withdrawal(EARLIER, MARCH, portion(CHILEAN, "4")),
                            new WithdrawalReversed(RENO, EARLIER, Mineral.COBALT, Tonnes.of("4"),
                                    List.of(withQuantity(CHILEAN, "4")), MARCH, "wrong"))
                    .when(new ReverseDepositCommand(RENO, DEPOSIT, "keyed twice"))
                    .expectEvents(new DepositReversed(RENO, DEPOSIT, CHILEAN, "keyed twice"));
        }

        @Test
        void refusesToReverseAWithdrawalTwice() {
            fixture.given(registered("100"), deposited(CHILEAN), withdrawal(EARLIER, MARCH, portion(CHILEAN, "1")),
                            new WithdrawalReversed(RENO, EARLIER, Mineral.COBALT, Tonnes.of("1"),
                                    List.of(withQuantity(CHILEAN, "1")), MARCH, "wrong"))
                    .when(new ReverseWithdrawalCommand(RENO, EARLIER, "again"))
                    .expectException(violationOf("already-reversed"))
                    .expectNoEvents();
        }

        @Test
        void refusesToReverseAWithdrawalWithoutRoom() {
            // Full again after the withdrawal: 10.5 t capacity, 5.5 t of Chilean left and a 5 t Congolese lot.
            fixture.given(registered("10.5"), deposited(CHILEAN), withdrawal(EARLIER, MARCH, portion(CHILEAN, "5")),
                            deposited(CONGOLESE))
                    .when(new ReverseWithdrawalCommand(RENO, EARLIER, "wrong"))
                    .expectException(violationOf("capacity-exceeded"))
                    .expectNoEvents();
        }

        @Test
        void refusesToReverseAWithdrawalInAClosedPeriod() {
            closedThrough.set(LocalDate.parse("2026-03-01"));
            fixture.given(registered("100"), deposited(CHILEAN), withdrawal(EARLIER, MARCH, portion(CHILEAN, "1")))
                    .when(new ReverseWithdrawalCommand(RENO, EARLIER, "wrong"))
                    .expectException(violationOf("period-closed"))
                    .expectNoEvents();
        }
    }

    static StockWithdrawn withdrawnAt(Instant at, LotPortion... portions) {
        return withdrawal(WithdrawalId.random(), at, portions);
    }

    static StockWithdrawn withdrawal(WithdrawalId id, Instant at, LotPortion... portions) {
        Tonnes total = List.of(portions).stream().map(LotPortion::quantity).reduce(Tonnes.ZERO, Tonnes::plus);
        return new StockWithdrawn(RENO, id, Mineral.COBALT, total,
                WithdrawalReason.LOSS, null, List.of(portions), at);
    }

    static WithdrawStockCommand withdrawAt(Mineral mineral, String tonnes, Instant at) {
        return new WithdrawStockCommand(RENO, WITHDRAWAL, mineral, Tonnes.of(tonnes), WithdrawalReason.SALE, "REF-1", at);
    }

    static SiteRegistered registered(String capacity) {
        return new SiteRegistered(RENO, "Reno", "NV", Tonnes.of(capacity));
    }

    static LotDeposited deposited(Lot lot) {
        return new LotDeposited(RENO, DepositId.random(), lot);
    }

    static StockWithdrawn withdrawn(Mineral mineral, LotPortion... portions) {
        Tonnes total = List.of(portions).stream().map(LotPortion::quantity).reduce(Tonnes.ZERO, Tonnes::plus);
        return new StockWithdrawn(RENO, WithdrawalId.random(), mineral, total, WithdrawalReason.LOSS, null,
                List.of(portions), Instant.parse("2026-04-01T00:00:00Z"));
    }

    static InboundTransferReserved reservedInbound(TransferId transfer, Lot lot) {
        return new InboundTransferReserved(RENO, transfer, HOUSTON, lot.mineral(), lot.quantity(), List.of(lot),
                Instant.parse("2026-04-01T00:00:00Z"));
    }

    static TransferReceived received(TransferId transfer, Lot lot) {
        return new TransferReceived(RENO, transfer, HOUSTON, lot.mineral(), lot.quantity(), List.of(lot),
                Instant.parse("2026-04-02T00:00:00Z"));
    }

    static WithdrawStockCommand withdraw(Mineral mineral, String tonnes) {
        return new WithdrawStockCommand(RENO, WITHDRAWAL, mineral, Tonnes.of(tonnes), WithdrawalReason.SALE, "REF-1",
                NOW);
    }

    static WithdrawStockCommand withdraw(Mineral mineral, String tonnes, List<LotPortion> named) {
        return new WithdrawStockCommand(RENO, WITHDRAWAL, mineral, Tonnes.of(tonnes), WithdrawalReason.SALE, "REF-1",
                named, NOW);
    }

    static LotPortion portion(Lot lot, String tonnes) {
        return new LotPortion(lot.lotId(), Tonnes.of(tonnes));
    }

    static Lot withQuantity(Lot lot, String tonnes) {
        return lot.withQuantity(Tonnes.of(tonnes));
    }

    static Lot cobalt(String id, String tonnes, String country, String receivedAt) {
        return new Lot(LotId.of(id), Mineral.COBALT, "hydroxide", Tonnes.of(tonnes), Usd.of("30000.00"),
                "Trader " + country, CountryCode.of(country), FundingSource.EXIM_LOAN, Instant.parse(receivedAt));
    }
}
