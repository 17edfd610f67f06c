package org.reserveledger.domain.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MineralTest {

    @ParameterizedTest
    @EnumSource(Mineral.class)
    void findsEveryMineralByItsCode(Mineral mineral) {
        assertThat(Mineral.fromCode(mineral.name())).contains(mineral);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lithium", "Lithium", " LITHIUM", "LITHIUM ", "UNOBTAINIUM", "", "Metallurgical coal"})
    void findsNothingForAnythingButAnExactCode(String code) {
        assertThat(Mineral.fromCode(code)).isEmpty();
    }

    @Test
    void findsNothingForNull() {
        assertThat(Mineral.fromCode(null)).isEmpty();
    }

    @Test
    void theCatalogIsTheUsgs2025List() {
        assertThat(Mineral.values()).hasSize(60);
        assertThat(Mineral.fromCode("METALLURGICAL_COAL")).contains(Mineral.METALLURGICAL_COAL);
        assertThat(Mineral.METALLURGICAL_COAL.displayName()).isEqualTo("Metallurgical coal");
    }
}
