package org.reserveledger.domain.shared;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueObjectTest {

    @Test
    void tonnesKeepThreeDecimalsAndAreNeverNegative() {
        assertThat(Tonnes.of("1.5").value()).isEqualTo(new BigDecimal("1.500"));
        assertThatThrownBy(() -> Tonnes.of("1.2345")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tonnes.of("-0.001")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tonnes.of("1").minus(Tonnes.of("1.001"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dollarsKeepTwoDecimalsAndRoundProductsHalfToEven() {
        assertThat(Usd.of("10").value()).isEqualTo(new BigDecimal("10.00"));
        assertThatThrownBy(() -> Usd.of("0.001")).isInstanceOf(IllegalArgumentException.class);
        // 12,345.67 × 25.5 = 314,814.585 → 314,814.58; 0.25 × 0.010 = 0.0025 → 0.00
        assertThat(Usd.of("12345.67").times(Tonnes.of("25.5"))).isEqualTo(Usd.of("314814.58"));
        assertThat(Usd.of("12345.67").times(Tonnes.of("25.501"))).isEqualTo(Usd.of("314826.93"));
    }

    @Test
    void countryCodesAreIsoAlpha2() {
        assertThat(CountryCode.isValid("CL")).isTrue();
        assertThat(CountryCode.isValid("XX")).isFalse();
        assertThat(CountryCode.isValid("cl")).isFalse();
        assertThat(CountryCode.isValid("USA")).isFalse();
    }

    @Test
    void clientCodesAreUpperCaseLettersDigitsAndHyphens() {
        assertThat(SiteId.of("NV-RENO-01").toString()).isEqualTo("NV-RENO-01");
        assertThatThrownBy(() -> SiteId.of("nv-reno")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SiteId.of("-NV")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SiteId.of("N")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SiteId.of("A".repeat(33))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCatalogIsTheUsgs2025List() {
        assertThat(Mineral.values()).hasSize(60);
        assertThat(Mineral.fromCode("LITHIUM")).contains(Mineral.LITHIUM);
        assertThat(Mineral.fromCode("lithium")).isEmpty();
        assertThat(Mineral.fromCode("UNOBTAINIUM")).isEmpty();
    }
}
