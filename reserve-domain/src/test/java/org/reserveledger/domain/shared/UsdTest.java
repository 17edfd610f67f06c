package org.reserveledger.domain.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UsdTest {

    @Test
    void normalisesToCents() {
        assertThat(Usd.of("10").value()).isEqualTo(new BigDecimal("10.00"));
        assertThat(Usd.of("10").value().scale()).isEqualTo(2);
        assertThat(Usd.of("0.5000").value()).isEqualTo(new BigDecimal("0.50"));
        assertThat(Usd.of("10")).isEqualTo(Usd.of("10.0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.001", "12.345", "1.0001"})
    void rejectsFractionsOfACent(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> Usd.of(value))
                .withMessage("amounts have at most 2 decimals: " + value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "-100"})
    void rejectsNegativeAmounts(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> Usd.of(value))
                .withMessage("amount must not be negative: " + value);
    }

    @ParameterizedTest(name = "{0} × {1} t = {2}")
    @CsvSource({
            // 314,814.585: the cent below is even, so down
            "12345.67, 25.5,   314814.58",
            // 314,826.93167: not a tie, nearest cent
            "12345.67, 25.501, 314826.93",
            // less than half a cent is dropped
            "0.25,     0.01,   0.00",
            "0.35,     0.01,   0.00",
            // 0.015, 0.025, 0.025, 0.075: exact ties go to the even cent
            "0.15,     0.1,    0.02",
            "0.25,     0.1,    0.02",
            "0.05,     0.5,    0.02",
            "0.15,     0.5,    0.08",
            // exact products keep every cent
            "11800.00, 400,    4720000.00"
    })
    void costOfAQuantityRoundsHalfToEvenToTheCent(String price, String tonnes, String expected) {
        assertThat(Usd.of(price).times(Tonnes.of(tonnes))).isEqualTo(Usd.of(expected));
    }

    @Test
    void roundedAcceptsAnExactValueAndRoundsHalfToEven() {
        assertThat(Usd.rounded(new BigDecimal("1.005"))).isEqualTo(Usd.of("1.00"));
        assertThat(Usd.rounded(new BigDecimal("1.015"))).isEqualTo(Usd.of("1.02"));
        assertThat(Usd.rounded(new BigDecimal("1.0051"))).isEqualTo(Usd.of("1.01"));
    }

    @Test
    void subtractionBelowZeroIsRefused() {
        assertThat(Usd.of("10").minus(Usd.of("9.99"))).isEqualTo(Usd.of("0.01"));
        assertThatIllegalArgumentException().isThrownBy(() -> Usd.of("10").minus(Usd.of("10.01")));
    }

    @Test
    void zeroIsNotPositive() {
        assertThat(Usd.ZERO.isPositive()).isFalse();
        assertThat(Usd.of("0.01").isPositive()).isTrue();
        assertThat(Usd.of("0.01").exceeds(Usd.ZERO)).isTrue();
    }
}
