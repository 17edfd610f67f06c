package org.reserveledger.api.web;

import org.junit.jupiter.api.Test;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command whose answer the client would not accept is refused before it runs: it used to append
 * its events and only then fail to write its answer with a 406.
 */
class AcceptHeaderTest extends ApiIntegrationTest {

    @Test
    void aCommandAcceptingNoJsonIsRefusedWith406AndAppendsNothing() {
        String site = reserve.registerSite("NV", "100");
        long before = eventCount();

        Api.Response response = as("OPERATOR").withHeader("Accept", "application/xml").post(deposits(site), deposit());

        assertThat(response.status()).as(response.toString()).isEqualTo(406);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(406);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anAcceptHeaderThatCannotBeParsedIsA400AndAppendsNothing() {
        String site = reserve.registerSite("NV", "100");
        long before = eventCount();

        for (String accept : new String[]{"*/*;q=bogus", "application/", "text/html;q=2"}) {
            Api.Response response = as("OPERATOR").withHeader("Accept", accept).post(deposits(site), deposit());

            assertThat(response.status()).as(accept + ": " + response).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anyAcceptThatAdmitsJsonIsAnswered() {
        String site = reserve.registerSite("NV", "100");
        for (String accept : new String[]{"application/json", "*/*", "application/*;q=0.5, text/html", "*/*;q=0.1"}) {
            Api.Response response = as("OPERATOR").withHeader("Accept", accept).post(deposits(site), deposit());

            assertThat(response.status()).as(accept + ": " + response).isEqualTo(201);
        }
        Api.Response view = as("AUDITOR").withHeader("Accept", "text/html").get("/api/v1/views/inventory-by-site");
        assertThat(view.status()).as(view.toString()).isEqualTo(406);
        assertThat(view.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void endpointsThatDeclareWhatTheyProduceRefuseWithAProblemToo() {
        Api.Response unparseable = as("AUDITOR").withHeader("Accept", "*/*;q=bogus").get("/api/v1/audit/export");
        assertThat(unparseable.status()).as(unparseable.toString()).isEqualTo(400);
        assertThat(unparseable.header("Content-Type")).startsWith("application/problem+json");

        Api.Response xml = as("AUDITOR").withHeader("Accept", "application/xml").get("/api/v1/live");
        assertThat(xml.status()).as(xml.toString()).isEqualTo(406);
        assertThat(xml.header("Content-Type")).startsWith("application/problem+json");
    }

    private static String deposits(String site) {
        return "/api/v1/sites/" + site + "/deposits";
    }

    private static String deposit() {
        return """
                {"mineral":"NICKEL","form":"briquettes","quantityTonnes":1,"unitCostUsd":16000,"supplier":"Trader",
                 "originCountry":"ID","fundingSource":"EXIM_LOAN"}""";
    }
}
