package org.reserveledger.domain.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class SiteIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"NV-RENO-01", "TX1", "AB", "9-LIVES"})
    void acceptsUpperCaseLettersDigitsAndHyphens(String code) {
        assertThat(SiteId.of(code).value()).isEqualTo(code);
    }

    @Test
    void printsAsItsCodeForAxonsAggregateIdentifier() {
        assertThat(SiteId.of("NV-RENO-01")).hasToString("NV-RENO-01");
    }

    @Test
    void acceptsUpToThirtyTwoCharacters() {
        assertThat(SiteId.of("A".repeat(32)).value()).hasSize(32);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nv-reno-01", "Nv-RENO", "-NV", "N", "", "NV RENO", "NV_RENO", "NV.RENO", "NV-RENÖ"})
    void rejectsBadCodes(String code) {
        assertThatIllegalArgumentException().isThrownBy(() -> SiteId.of(code))
                .withMessage("site id must match " + Code.REGEX + ": " + code);
    }

    @Test
    void rejectsCodesLongerThanThirtyTwoCharacters() {
        assertThatIllegalArgumentException().isThrownBy(() -> SiteId.of("A".repeat(33)));
    }

    @Test
    void rejectsNull() {
        assertThatNullPointerException().isThrownBy(() -> SiteId.of(null)).withMessage("site id must not be null");
    }
}
