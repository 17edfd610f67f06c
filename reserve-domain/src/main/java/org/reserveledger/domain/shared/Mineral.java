package org.reserveledger.domain.shared;

import java.util.Arrays;
import java.util.Optional;

/**
 * The minerals the reserve may hold: the U.S. Geological Survey's 2025 List of Critical Minerals.
 */
public enum Mineral {
    ALUMINUM("Aluminum"),
    ANTIMONY("Antimony"),
    ARSENIC("Arsenic"),
    BARITE("Barite"),
    BERYLLIUM("Beryllium"),
    BISMUTH("Bismuth"),
    BORON("Boron"),
    CERIUM("Cerium"),
    CESIUM("Cesium"),
    CHROMIUM("Chromium"),
    COBALT("Cobalt"),
    COPPER("Copper"),
    DYSPROSIUM("Dysprosium"),
    ERBIUM("Erbium"),
    EUROPIUM("Europium"),
    FLUORSPAR("Fluorspar"),
    GADOLINIUM("Gadolinium"),
    GALLIUM("Gallium"),
    GERMANIUM("Germanium"),
    GRAPHITE("Graphite"),
    HAFNIUM("Hafnium"),
    HOLMIUM("Holmium"),
    INDIUM("Indium"),
    IRIDIUM("Iridium"),
    LANTHANUM("Lanthanum"),
    LEAD("Lead"),
    LITHIUM("Lithium"),
    LUTETIUM("Lutetium"),
    MAGNESIUM("Magnesium"),
    MANGANESE("Manganese"),
    METALLURGICAL_COAL("Metallurgical coal"),
    NEODYMIUM("Neodymium"),
    NICKEL("Nickel"),
    NIOBIUM("Niobium"),
    PALLADIUM("Palladium"),
    PHOSPHATE("Phosphate"),
    PLATINUM("Platinum"),
    POTASH("Potash"),
    PRASEODYMIUM("Praseodymium"),
    RHENIUM("Rhenium"),
    RHODIUM("Rhodium"),
    RUBIDIUM("Rubidium"),
    RUTHENIUM("Ruthenium"),
    SAMARIUM("Samarium"),
    SCANDIUM("Scandium"),
    SILICON("Silicon"),
    SILVER("Silver"),
    TANTALUM("Tantalum"),
    TELLURIUM("Tellurium"),
    TERBIUM("Terbium"),
    THULIUM("Thulium"),
    TIN("Tin"),
    TITANIUM("Titanium"),
    TUNGSTEN("Tungsten"),
    URANIUM("Uranium"),
    VANADIUM("Vanadium"),
    YTTERBIUM("Ytterbium"),
    YTTRIUM("Yttrium"),
    ZINC("Zinc"),
    ZIRCONIUM("Zirconium");

    private final String displayName;

    Mineral(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** The mineral with exactly this code, if it is on the list. */
    public static Optional<Mineral> fromCode(String code) {
        return Arrays.stream(values()).filter(m -> m.name().equals(code)).findFirst();
    }
}
