package org.reserveledger.api.governance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reserveledger.domain.shared.Mineral;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;

@RestController
@Tag(name = "Reference data")
class MineralController {

    private static final List<MineralEntry> CATALOG = Arrays.stream(Mineral.values())
            .map(m -> new MineralEntry(m.name(), m.displayName()))
            .toList();

    @GetMapping("/api/v1/minerals")
    @Operation(summary = "The USGS 2025 List of Critical Minerals, the minerals the reserve may hold")
    List<MineralEntry> minerals() {
        return CATALOG;
    }

    record MineralEntry(String code, String name) {
    }
}
