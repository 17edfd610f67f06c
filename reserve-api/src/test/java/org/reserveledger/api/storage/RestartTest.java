package org.reserveledger.api.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reserveledger.api.ReserveLedgerApplication;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.Reserve;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default way to run the service: embedded PostgreSQL under the data directory. Stopping and
 * starting it again on the same directory loses nothing and changes no view.
 */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void aRestartOnTheSameDataDirectoryKeepsEveryEventAndView() {
        String site;
        String other;
        String bySite;
        String byMineral;
        String position;
        try (ConfigurableApplicationContext first = start()) {
            Api api = new Api(port(first), null);
            site = register(api, "NV", "500");
            other = register(api, "SC", "500");
            deposit(api, site, "LITHIUM", "40.125", "CL");
            deposit(api, site, "LITHIUM", "10", "AR");
            assertThat(api.as("OPERATOR").post("/api/v1/sites/" + site + "/withdrawals",
                    "{\"mineral\":\"LITHIUM\",\"quantityTonnes\":41,\"reason\":\"SALE\"}").status()).isEqualTo(201);
            Api.Response transfer = api.as("OPERATOR").post("/api/v1/transfers", """
                    {"fromSiteId":"%s","toSiteId":"%s","mineral":"LITHIUM","quantityTonnes":4}
                    """.formatted(site, other));
            assertThat(transfer.status()).isEqualTo(201);
            Api.Response view = api.as("AUDITOR").get("/api/v1/views/inventory-by-site?minPosition=" + transfer.position());
            assertThat(view.status()).isEqualTo(200);
            bySite = view.body();
            position = view.header("X-Projection-Position");
            byMineral = api.as("AUDITOR").get("/api/v1/views/inventory-by-mineral?minPosition=" + transfer.position()).body();
        }
        assertThat(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION"))).isTrue();

        try (ConfigurableApplicationContext second = start()) {
            Api api = new Api(port(second), null);
            Api.Response view = api.as("AUDITOR").get("/api/v1/views/inventory-by-site?minPosition=" + position);
            assertThat(view.status()).isEqualTo(200);
            assertThat(view.header("X-Projection-Position")).isEqualTo(position);
            assertThat(view.json()).isEqualTo(new Api.Response(200, java.util.Map.of(), bySite).json());
            assertThat(api.as("AUDITOR").get("/api/v1/views/inventory-by-mineral").json())
                    .isEqualTo(new Api.Response(200, java.util.Map.of(), byMineral).json());
            assertThat(view.body()).contains(site, other);
            // The restarted service keeps working on the same stock: 5.125 t are left at the first site.
            assertThat(api.as("OPERATOR").post("/api/v1/sites/" + site + "/withdrawals",
                    "{\"mineral\":\"LITHIUM\",\"quantityTonnes\":5.126,\"reason\":\"SALE\"}").status()).isEqualTo(409);
            assertThat(api.as("OPERATOR").post("/api/v1/sites/" + site + "/withdrawals",
                    "{\"mineral\":\"LITHIUM\",\"quantityTonnes\":5.125,\"reason\":\"SALE\"}").status()).isEqualTo(201);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ReserveLedgerApplication.class)
                .profiles("test")
                .run("--server.port=0", "--reserve.data-dir=" + dataDir);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static String register(Api api, String state, String capacity) {
        String site = Reserve.newSiteId(state);
        Api.Response response = api.as("GOVERNANCE").post("/api/v1/sites", """
                {"siteId":"%s","name":"Depot","state":"%s","capacityTonnes":%s}
                """.formatted(site, state, capacity));
        assertThat(response.status()).isEqualTo(201);
        return site;
    }

    private static void deposit(Api api, String site, String mineral, String tonnes, String country) {
        Api.Response response = api.as("OPERATOR").post("/api/v1/sites/" + site + "/deposits", """
                {"mineral":"%s","form":"carbonate","quantityTonnes":%s,"unitCostUsd":11000,"supplier":"Trader",
                 "originCountry":"%s","fundingSource":"EXIM_LOAN"}
                """.formatted(mineral, tonnes, country));
        assertThat(response.status()).isEqualTo(201);
    }
}
