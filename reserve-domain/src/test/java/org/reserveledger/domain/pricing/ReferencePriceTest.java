package org.reserveledger.domain.pricing;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reserveledger.domain.shared.DomainRuleViolation;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.Usd;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reserveledger.domain.shared.RuleViolationMatchers.violationOf;

/**
 * Reference prices are positive and take effect in date order.
 */
class ReferencePriceTest {

    private static final String NOT_STATED = SetReferencePriceCommand.SOURCE_NOT_STATED;

    private static final LocalDate NOV_1 = LocalDate.parse("2026-11-01");

    private AggregateTestFixture<ReferencePrice> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(ReferencePrice.class);
    }

    @Test
    void setsAMineralsFirstPrice() {
        fixture.givenNoPriorActivity()
                .when(new SetReferencePriceCommand(Mineral.LITHIUM, Usd.of("12500"), NOV_1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ReferencePriceSet(Mineral.LITHIUM, Usd.of("12500.00"), NOV_1, NOT_STATED));
    }

    @Test
    void refusesAZeroPrice() {
        fixture.givenNoPriorActivity()
                .when(new SetReferencePriceCommand(Mineral.LITHIUM, Usd.ZERO, NOV_1))
                .expectException(DomainRuleViolation.class)
                .expectException(violationOf("price-not-positive"))
                .expectExceptionMessage("a reference price must be positive")
                .expectNoEvents();
    }

    @Test
    void acceptsAPriceTakingEffectBeforeTheCurrentOne() {
        // Prices arrive in any order: a price for October keyed after November's values October from then on.
        fixture.given(new ReferencePriceSet(Mineral.LITHIUM, Usd.of("12500"), NOV_1, NOT_STATED))
                .when(new SetReferencePriceCommand(Mineral.LITHIUM, Usd.of("13000"), NOV_1.minusDays(1)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ReferencePriceSet(Mineral.LITHIUM, Usd.of("13000"), NOV_1.minusDays(1), NOT_STATED));
    }

    @Test
    void acceptsAPriceBetweenTwoEarlierOnes() {
        fixture.given(new ReferencePriceSet(Mineral.LITHIUM, Usd.of("12000"), LocalDate.parse("2026-01-01"), NOT_STATED),
                        new ReferencePriceSet(Mineral.LITHIUM, Usd.of("12500"), NOV_1, NOT_STATED))
                .when(new SetReferencePriceCommand(Mineral.LITHIUM, Usd.of("13000"), LocalDate.parse("2026-06-01")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ReferencePriceSet(Mineral.LITHIUM, Usd.of("13000"), LocalDate.parse("2026-06-01"),
                        NOT_STATED));
    }

    @Test
    void acceptsACorrectionEffectiveOnTheSameDay() {
        fixture.given(new ReferencePriceSet(Mineral.LITHIUM, Usd.of("12500"), NOV_1, NOT_STATED))
                .when(new SetReferencePriceCommand(Mineral.LITHIUM, Usd.of("12600"), NOV_1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ReferencePriceSet(Mineral.LITHIUM, Usd.of("12600"), NOV_1, NOT_STATED));
    }

    @Test
    void acceptsALaterPrice() {
        fixture.given(new ReferencePriceSet(Mineral.LITHIUM, Usd.of("12500"), NOV_1, NOT_STATED))
                .when(new SetReferencePriceCommand(Mineral.LITHIUM, Usd.of("0.01"), NOV_1.plusDays(1)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ReferencePriceSet(Mineral.LITHIUM, Usd.of("0.01"), NOV_1.plusDays(1), NOT_STATED));
    }

    @Test
    void aMineralsPriceHasAnIdentifierApartFromSiteCodes() {
        assertThat(ReferencePrice.idOf(Mineral.LITHIUM)).isEqualTo("reference-price:LITHIUM");
        assertThat(new SetReferencePriceCommand(Mineral.COBALT, Usd.of("1"), NOV_1).referencePriceId())
                .isEqualTo("reference-price:COBALT")
                .isNotEqualTo(ReferencePrice.idOf(Mineral.LITHIUM));
    }

    @Test
    void recordsWhereThePriceWasTakenFrom() {
        fixture.givenNoPriorActivity()
                .when(new SetReferencePriceCommand(Mineral.LITHIUM, Usd.of("12500"), NOV_1, "Fastmarkets assessment"))
                .expectEvents(new ReferencePriceSet(Mineral.LITHIUM, Usd.of("12500"), NOV_1, "Fastmarkets assessment"));
        fixture.givenNoPriorActivity()
                .when(new SetReferencePriceCommand(Mineral.LITHIUM, Usd.of("12500"), NOV_1, " "))
                .expectEvents(new ReferencePriceSet(Mineral.LITHIUM, Usd.of("12500"), NOV_1, NOT_STATED));
    }
}
