package org.reserveledger.domain.supply;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reserveledger.domain.shared.CommitmentId;
import org.reserveledger.domain.shared.DisruptionId;
import org.reserveledger.domain.shared.DomainRuleViolation;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.Tonnes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Declarations freeze entitlements; the supply record keeps every disruption with its dates. */
class MineralSupplyTest {

    private static final LocalDate MARCH_1 = LocalDate.parse("2026-03-01");
    private static final LocalDate MARCH_31 = LocalDate.parse("2026-03-31");

    private final CommitmentId a = CommitmentId.random();
    private final CommitmentId b = CommitmentId.random();
    private final DisruptionId first = DisruptionId.random();
    private final FixedSupplyLedger ledger = new FixedSupplyLedger();
    private AggregateTestFixture<MineralSupply> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(MineralSupply.class);
        ledger.disrupted = true;
        fixture.registerAnnotatedCommandHandler(new SupplyCommandHandler(fixture.getRepository(), ledger));
    }

    @Test
    void aDeclarationSharesTheStockOnHandProRataWhenItIsShort() {
        ledger.stock = Tonnes.of("130.5");
        ledger.commitments = List.of(new SupplyLedger.CommittedQuantity(a, Tonnes.of("100")),
                new SupplyLedger.CommittedQuantity(b, Tonnes.of("80")));
        // 130.5 ÷ 180 = 0.725: 72.5 t and 58 t, together the 130.5 t on hand.
        BigDecimal ratio = new BigDecimal("130.5").divide(new BigDecimal("180"), 12, java.math.RoundingMode.DOWN);

        fixture.givenNoPriorActivity()
                .when(new DeclareDisruptionCommand(first, Mineral.COBALT, "Export ban", MARCH_1))
                .expectEvents(new DisruptionDeclared(Mineral.COBALT, first, "Export ban", MARCH_1, Tonnes.of("130.5"),
                        Tonnes.of("180"), ratio.setScale(6, java.math.RoundingMode.DOWN),
                        List.of(new Entitlement(a, Tonnes.of("72.500")), new Entitlement(b, Tonnes.of("58.000")))));
    }

    @Test
    void refusesASecondDeclarationWhileOneIsInForce() {
        fixture.given(declared(first, MARCH_1))
                .when(new DeclareDisruptionCommand(DisruptionId.random(), Mineral.COBALT, "Again", MARCH_31))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString(first.toString()));
    }

    @Test
    void keepsEveryDisruptionWithItsDatesSoADayFindsTheOneInForceThen() {
        DisruptionId second = DisruptionId.random();
        fixture.given(declared(first, MARCH_1), new DisruptionEnded(Mineral.COBALT, first, MARCH_31))
                .when(new DeclareDisruptionCommand(second, Mineral.COBALT, "Strike", LocalDate.parse("2026-05-01")))
                .expectSuccessfulHandlerExecution()
                .expectState(supply -> {
                    assertThat(supply.inForceOn(LocalDate.parse("2026-02-28"))).isEmpty();
                    assertThat(idOn(supply, MARCH_1)).contains(first);
                    assertThat(idOn(supply, MARCH_31)).as("the day it ended").contains(first);
                    assertThat(supply.inForceOn(LocalDate.parse("2026-04-01"))).isEmpty();
                    assertThat(idOn(supply, LocalDate.parse("2026-05-01"))).contains(second);
                    assertThat(idOn(supply, LocalDate.parse("2027-01-01"))).as("not ended yet").contains(second);
                    assertThat(supply.inForceOn(MARCH_1).orElseThrow().entitlementOf(a)).isEqualTo(Tonnes.of("40"));
                    assertThat(supply.inForceOn(MARCH_1).orElseThrow().entitlementOf(b))
                            .as("not active at the declaration").isEqualTo(Tonnes.ZERO);
                });
    }

    @Test
    void aDisruptionDeclaredOnTheDayTheLastEndedGovernsThatDay() {
        DisruptionId second = DisruptionId.random();
        fixture.given(declared(first, MARCH_1), new DisruptionEnded(Mineral.COBALT, first, MARCH_31))
                .when(new DeclareDisruptionCommand(second, Mineral.COBALT, "Strike", MARCH_31))
                .expectSuccessfulHandlerExecution()
                .expectState(supply -> assertThat(idOn(supply, MARCH_31)).contains(second));
    }

    @Test
    void refusesADeclarationDatedWithinTheLastDisruption() {
        fixture.given(declared(first, MARCH_1), new DisruptionEnded(Mineral.COBALT, first, MARCH_31))
                .when(new DeclareDisruptionCommand(DisruptionId.random(), Mineral.COBALT, "Late", LocalDate.parse("2026-03-15")))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("overlap"));
    }

    @Test
    void refusesAnEndDatedBeforeTheDeclaration() {
        fixture.given(declared(first, MARCH_1))
                .when(new EndDisruptionCommand(first, LocalDate.parse("2026-02-28")))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("declared on 2026-03-01"));
    }

    private DisruptionDeclared declared(DisruptionId id, LocalDate on) {
        return new DisruptionDeclared(Mineral.COBALT, id, "Export ban", on, Tonnes.of("40"), Tonnes.of("40"),
                BigDecimal.ONE, List.of(new Entitlement(a, Tonnes.of("40"))));
    }

    private static Optional<DisruptionId> idOn(MineralSupply supply, LocalDate day) {
        return supply.inForceOn(day).map(DisruptionInForce::disruptionId);
    }
}
