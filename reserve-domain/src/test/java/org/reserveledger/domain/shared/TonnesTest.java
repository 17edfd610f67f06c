package org.reserveledger.domain.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class TonnesTest {

    @Test
    void normalisesToThreeDecimals() {
        assertThat(Tonnes.of("1.5").value()).isEqualTo(new BigDecimal("1.500"));
        assertThat(Tonnes.of("1.5").value().scale()).isEqualTo(3);
        assertThat(Tonnes.of("7").value().scale()).isEqualTo(3);
        assertThat(Tonnes.of(new BigDecimal("1E+3")).value()).isEqualTo(new BigDecimal("1000.000"));
        assertThat(Tonnes.ZERO.value()).isEqualTo(new BigDecimal("0.000"));
    }

    @Test
    void equalQuantitiesAreEqualWhateverTheirWrittenScale() {
        assertThat(Tonnes.of("1.5")).isEqualTo(Tonnes.of("1.500")).hasSameHashCodeAs(Tonnes.of("1.50"));
    }

    @Test
    void acceptsTrailingZerosBeyondTheKilogram() {
        assertThat(Tonnes.of("2.5000").value()).isEqualTo(new BigDecimal("2.500"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2345", "0.0001", "100.0005"})
    void rejectsQuantitiesFinerThanAKilogram(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> Tonnes.of(value))
                .withMessage("tonnes have at most 3 decimals: " + value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.001", "-1", "-1000"})
    void rejectsNegativeQuantities(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> Tonnes.of(value))
                .withMessage("tonnes must not be negative: " + value);
    }

    @Test
    void rejectsNull() {
        assertThatNullPointerException().isThrownBy(() -> Tonnes.of((BigDecimal) null));
    }

    @Test
    void subtractionBelowZeroIsRefused() {
        assertThat(Tonnes.of("1.001").minus(Tonnes.of("1"))).isEqualTo(Tonnes.of("0.001"));
        assertThatIllegalArgumentException().isThrownBy(() -> Tonnes.of("1").minus(Tonnes.of("1.001")));
    }

    @Test
    void addsAndCompares() {
        assertThat(Tonnes.of("10.5").plus(Tonnes.of("0.501"))).isEqualTo(Tonnes.of("11.001"));
        assertThat(Tonnes.of("1.001").exceeds(Tonnes.of("1"))).isTrue();
        assertThat(Tonnes.of("1").exceeds(Tonnes.of("1.000"))).isFalse();
        assertThat(Tonnes.of("3").min(Tonnes.of("2.999"))).isEqualTo(Tonnes.of("2.999"));
        assertThat(Tonnes.of("0.000").isZero()).isTrue();
        assertThat(Tonnes.of("0.001").isPositive()).isTrue();
        assertThat(Tonnes.ZERO.isPositive()).isFalse();
    }

    @Test
    void printsWithTheUnit() {
        assertThat(Tonnes.of("12")).hasToString("12.000 t");
    }
}
