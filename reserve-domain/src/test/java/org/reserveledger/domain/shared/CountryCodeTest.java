package org.reserveledger.domain.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class CountryCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"CL", "CD", "AU", "US", "CN"})
    void acceptsIsoAlpha2Codes(String code) {
        assertThat(CountryCode.of(code).value()).isEqualTo(code);
        assertThat(CountryCode.of(code)).hasToString(code);
        assertThat(CountryCode.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "usa", "USA", "cl", "Cl", "", "C", "ZZ"})
    void rejectsAnythingElse(String code) {
        assertThat(CountryCode.isValid(code)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> CountryCode.of(code))
                .withMessage("not an ISO 3166-1 alpha-2 country code: " + code);
    }

    @Test
    void rejectsNull() {
        assertThat(CountryCode.isValid(null)).isFalse();
        assertThatNullPointerException().isThrownBy(() -> CountryCode.of(null));
    }

    @Test
    void abbreviatesALongRejectedValueInTheMessage() {
        assertThatIllegalArgumentException().isThrownBy(() -> CountryCode.of("Q".repeat(1000)))
                .withMessage("not an ISO 3166-1 alpha-2 country code: " + "Q".repeat(40) + "…");
    }
}
