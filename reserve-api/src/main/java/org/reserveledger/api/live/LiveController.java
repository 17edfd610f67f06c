package org.reserveledger.api.live;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reserveledger.api.security.ApiPrincipal;
import org.reserveledger.api.security.CurrentPrincipal;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@Tag(name = "Live")
class LiveController {

    private final LiveUpdates updates;

    LiveController(LiveUpdates updates) {
        this.updates = updates;
    }

    @GetMapping("/api/v1/session")
    @Operation(summary = "Who the token belongs to: its name, role and, for a manufacturer, its manufacturer")
    Session session() {
        ApiPrincipal principal = CurrentPrincipal.get();
        return new Session(principal.name(), principal.role().name(), principal.manufacturerId());
    }

    @GetMapping(value = "/api/v1/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-Sent Events: 'position' with the stream's head, at once and whenever it grows")
    SseEmitter live() {
        return updates.subscribe();
    }

    record Session(String name, String role, String manufacturerId) {
    }
}
