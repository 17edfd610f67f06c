package org.reserveledger.benchmarks;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.reserveledger.domain.inventory.FundingSource;
import org.reserveledger.domain.inventory.Lot;
import org.reserveledger.domain.inventory.LotDeposited;
import org.reserveledger.domain.inventory.LotPortion;
import org.reserveledger.domain.inventory.StockWithdrawn;
import org.reserveledger.domain.inventory.WithdrawalReason;
import org.reserveledger.domain.shared.CountryCode;
import org.reserveledger.domain.shared.DepositId;
import org.reserveledger.domain.shared.LotId;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.Usd;
import org.reserveledger.domain.shared.WithdrawalId;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The events and the event serializer the benchmarks share, shaped as the service's own. */
final class SampleEvents {

    static final SiteId SITE = SiteId.of("NV-RENO-01");

    private SampleEvents() {
    }

    /** A deposit of one lot, the most common event of a reserve. */
    static LotDeposited lotDeposited() {
        Lot lot = new Lot(LotId.of("6f1c2a0e-3b7d-4d6e-9a51-0c8e4f2b7d13"), Mineral.LITHIUM, "carbonate",
                Tonnes.of("250.000"), Usd.of("12500.00"), "Albemarle", CountryCode.of("CL"), FundingSource.EXIM_LOAN,
                Instant.parse("2026-03-02T14:30:00Z"));
        return new LotDeposited(SITE, DepositId.of("0b8f7c1e-5d2a-4e3f-8c6b-9a1d2e3f4a5b"), lot);
    }

    /** A withdrawal that took from two lots, oldest first. */
    static StockWithdrawn stockWithdrawn() {
        return new StockWithdrawn(SITE, WithdrawalId.of("3c9e1f2a-7b4d-4a6e-b5c8-1d2e3f4a5b6c"), Mineral.LITHIUM,
                Tonnes.of("300.000"), WithdrawalReason.SALE, "contract 2026-114",
                List.of(new LotPortion(LotId.of("6f1c2a0e-3b7d-4d6e-9a51-0c8e4f2b7d13"), Tonnes.of("250.000")),
                        new LotPortion(LotId.of("9d2e3f4a-5b6c-4d7e-8f90-a1b2c3d4e5f6"), Tonnes.of("50.000"))),
                Instant.parse("2026-03-09T09:00:00Z"));
    }

    /** The metadata the service puts on an event: who sent its command, and the request it came with. */
    static Map<String, Object> metaData() {
        return Map.of("actor", "custodian@reserve.example", "actorRole", "CUSTODIAN",
                "correlationId", "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9",
                "causationId", "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
                "traceId", "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9");
    }

    /**
     * Axon's Jackson 3 serializer configured as the service configures its event serializer
     * ({@code AxonConfiguration.jsonSerializer(false)} in reserve-api); keep the two alike.
     */
    static Serializer eventSerializer() {
        return Jackson3Serializer.builder()
                .jsonMapperBuilderCustomizer(builder -> builder
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                                .allowIfSubType("org.axonframework.")
                                .allowIfSubType("org.reserveledger.")
                                .build()))
                .build();
    }
}
