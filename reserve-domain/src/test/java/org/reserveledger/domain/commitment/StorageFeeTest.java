package org.reserveledger.domain.commitment;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reserveledger.domain.shared.CommitmentId;
import org.reserveledger.domain.shared.ManufacturerId;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.Usd;

import java.time.LocalDate;
import java.time.YearMonth;

class StorageFeeTest {

    private static final CommitmentId ID = CommitmentId.of("00000000-0000-4000-8000-000000000001");

    private AggregateTestFixture<Commitment> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Commitment.class);
    }

    @Test
    void chargesEachEndedMonthProRataForTheDaysWithinTheTerm() {
        fixture.given(made("2026-01-15"))
                .when(new ChargeStorageFeesCommand(ID, LocalDate.parse("2026-04-30")))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(4)
                .expectEvents(
                        // 100 t × 10.00 USD × 17/31 days = 548.387… → 548.39
                        new StorageFeeCharged(ID, YearMonth.of(2026, 1), LocalDate.parse("2026-01-15"),
                                LocalDate.parse("2026-01-31"), 17, Usd.of("548.39")),
                        new StorageFeeCharged(ID, YearMonth.of(2026, 2), LocalDate.parse("2026-02-01"),
                                LocalDate.parse("2026-02-28"), 28, Usd.of("1000.00")),
                        new StorageFeeCharged(ID, YearMonth.of(2026, 3), LocalDate.parse("2026-03-01"),
                                LocalDate.parse("2026-03-31"), 31, Usd.of("1000.00")),
                        new StorageFeeCharged(ID, YearMonth.of(2026, 4), LocalDate.parse("2026-04-01"),
                                LocalDate.parse("2026-04-30"), 30, Usd.of("1000.00")));
    }

    @Test
    void aPartFebruaryOfALeapYearIsChargedByItsTwentyNineDays() {
        fixture.given(made("2028-02-15"))
                .when(new ChargeStorageFeesCommand(ID, LocalDate.parse("2028-02-29")))
                // 1,000.00 × 15/29 = 517.241… → 517.24
                .expectEvents(new StorageFeeCharged(ID, YearMonth.of(2028, 2), LocalDate.parse("2028-02-15"),
                        LocalDate.parse("2028-02-29"), 15, Usd.of("517.24")));
    }

    @Test
    void chargesNothingTwiceForTheSameMonth() {
        fixture.given(made("2026-01-15"),
                        new StorageFeeCharged(ID, YearMonth.of(2026, 1), LocalDate.parse("2026-01-15"),
                                LocalDate.parse("2026-01-31"), 17, Usd.of("548.39")))
                .when(new ChargeStorageFeesCommand(ID, LocalDate.parse("2026-02-27")))
                .expectResultMessagePayload(0)
                .expectNoEvents();
    }

    @Test
    void chargesNothingBeforeTheFirstMonthHasEnded() {
        fixture.given(made("2026-01-15"))
                .when(new ChargeStorageFeesCommand(ID, LocalDate.parse("2026-01-30")))
                .expectNoEvents();
    }

    @Test
    void chargesNothingAfterSettlement() {
        fixture.given(made("2026-01-15"), new CommitmentSettled(ID, org.reserveledger.domain.shared.SiteId.of("NV-RENO-01"),
                        Tonnes.of("100"), Tonnes.ZERO, Usd.of("1000000.00"), LocalDate.parse("2026-01-20")))
                .when(new ChargeStorageFeesCommand(ID, LocalDate.parse("2026-06-30")))
                .expectNoEvents();
    }

    static CommitmentMade made(String start) {
        return new CommitmentMade(ID, ManufacturerId.of("VOLTCELL"), Mineral.LITHIUM, Tonnes.of("100"),
                Usd.of("13000.00"), LocalDate.parse(start), LocalDate.parse(start).plusYears(2), Usd.of("50000.00"),
                Usd.of("10.00"), 30);
    }
}
