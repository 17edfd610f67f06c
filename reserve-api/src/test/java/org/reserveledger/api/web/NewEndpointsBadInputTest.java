package org.reserveledger.api.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed requests to the commitment, disruption and financing endpoints: each is a 400
 * problem naming the field, and the event stream does not grow.
 */
class NewEndpointsBadInputTest extends ApiIntegrationTest {

    // A commitment no one made: validation refuses the body before the commitment is looked up.
    private static final String COMMITMENT = "/api/v1/commitments/6f1c1a3e-0000-4000-8000-000000000001";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "manufacturer id lower case | GOVERNANCE | /api/v1/manufacturers | {\"manufacturerId\":\"voltcell\",\"name\":\"V\"} | manufacturerId",
            "manufacturer name with markup | GOVERNANCE | /api/v1/manufacturers | {\"manufacturerId\":\"VOLT\",\"name\":\"<b>V</b>\"} | name",
            "commitment ends before it starts | GOVERNANCE | /api/v1/commitments | {\"manufacturerId\":\"VOLT\",\"mineral\":\"LITHIUM\",\"quantityTonnes\":1,\"pricePerTonneUsd\":1,\"startDate\":\"2027-01-01\",\"endDate\":\"2026-01-01\",\"upfrontFeeUsd\":0,\"storageFeePerTonneMonthUsd\":0,\"replenishWithinDays\":1} | endDate",
            "commitment with negative days | GOVERNANCE | /api/v1/commitments | {\"manufacturerId\":\"VOLT\",\"mineral\":\"LITHIUM\",\"quantityTonnes\":1,\"pricePerTonneUsd\":1,\"startDate\":\"2026-01-01\",\"endDate\":\"2027-01-01\",\"upfrontFeeUsd\":0,\"storageFeePerTonneMonthUsd\":0,\"replenishWithinDays\":-1} | replenishWithinDays",
            "commitment price with three decimals | GOVERNANCE | /api/v1/commitments | {\"manufacturerId\":\"VOLT\",\"mineral\":\"LITHIUM\",\"quantityTonnes\":1,\"pricePerTonneUsd\":1.001,\"startDate\":\"2026-01-01\",\"endDate\":\"2027-01-01\",\"upfrontFeeUsd\":0,\"storageFeePerTonneMonthUsd\":0,\"replenishWithinDays\":1} | pricePerTonneUsd",
            "commitment of an unknown mineral | GOVERNANCE | /api/v1/commitments | {\"manufacturerId\":\"VOLT\",\"mineral\":\"UNOBTAINIUM\",\"quantityTonnes\":1,\"pricePerTonneUsd\":1,\"startDate\":\"2026-01-01\",\"endDate\":\"2027-01-01\",\"upfrontFeeUsd\":0,\"storageFeePerTonneMonthUsd\":0,\"replenishWithinDays\":1} | mineral",
            "draw of zero tonnes | OPERATOR | " + COMMITMENT + "/draws | {\"siteId\":\"NV-RENO-01\",\"quantityTonnes\":0} | quantityTonnes",
            "draw dated in the future | OPERATOR | " + COMMITMENT + "/draws | {\"siteId\":\"NV-RENO-01\",\"quantityTonnes\":1,\"drawnOn\":\"2999-01-01\"} | drawnOn",
            "replenishment from a bad country | OPERATOR | " + COMMITMENT + "/replenishments | {\"siteId\":\"NV-RENO-01\",\"quantityTonnes\":1,\"unitCostUsd\":1,\"supplier\":\"S\",\"originCountry\":\"XX\"} | originCountry",
            "settlement without a site | OPERATOR | " + COMMITMENT + "/settlement | {} | siteId",
            "disruption with an unknown field | GOVERNANCE | /api/v1/disruptions | {\"mineral\":\"GALLIUM\",\"reason\":\"r\",\"severity\":5} | severity",
            "facility with a 1e20 limit | TREASURY | /api/v1/financing/facilities | {\"facilityId\":\"F-1\",\"lender\":\"L\",\"limitUsd\":1e20,\"annualInterestRatePct\":1,\"maturityDate\":\"2030-01-01\"} | limitUsd",
            "facility with an unknown day count | TREASURY | /api/v1/financing/facilities | {\"facilityId\":\"F-1\",\"lender\":\"L\",\"limitUsd\":1,\"annualInterestRatePct\":1,\"dayCount\":\"30_360\",\"maturityDate\":\"2030-01-01\"} | dayCount",
            "drawdown amount as a string | TREASURY | /api/v1/financing/facilities/F-1/drawdowns | {\"amountUsd\":\"5\",\"valueDate\":\"2026-01-01\"} | amountUsd",
            "repayment of zero | TREASURY | /api/v1/financing/facilities/F-1/repayments | {\"amountUsd\":0,\"valueDate\":\"2026-01-01\"} | amountUsd",
            "investor commitment negative | TREASURY | /api/v1/financing/investors | {\"investorId\":\"INV-1\",\"name\":\"N\",\"commitmentUsd\":-1} | commitmentUsd",
            "capital call without a due date | TREASURY | /api/v1/financing/capital-calls | {\"amountUsd\":1} | dueDate",
            "contribution to a call that is not a UUID | TREASURY | /api/v1/financing/investors/INV-1/contributions | {\"capitalCallId\":\"call-1\",\"amountUsd\":1,\"valueDate\":\"2026-01-01\"} | capitalCallId",
    })
    void isRefusedAsAProblemAndAppendsNothing(String name, String role, String path, String body, String field) {
        long before = eventCount();

        Api.Response response = as(role).post(path, body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("errors")).as(response.toString())
                .anySatisfy(error -> assertThat(error.get("field").asString()).isEqualTo(field));
        assertThat(eventCount()).isEqualTo(before);
    }
}
