package org.reserveledger.api.benchmark.speed;

import org.reserveledger.projections.audit.AttestationKey;
import org.reserveledger.projections.audit.EventAttestation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A large, realistic stream, grown fast. First a reserve's year is recorded through the REST API as its users
 * would: 50 sites in ten states, eight minerals from many countries, deposits, withdrawals, transfers and their
 * receipts, commitments with draws and replenishments, two loan facilities with drawdowns and repayments, private
 * capital called and contributed. Then the events of that year's activity (not the registrations) are appended
 * again and again, as the service appends events and attested with the service's own key, until the stream holds
 * the events asked for. Each copy gives every UUID in its payloads (lots, deposits, withdrawals, transfers,
 * commitments, draws, drawdowns, capital calls) a prefix of its own, so that each copy is a consistent year of
 * movements of its own on the same sites, facilities and investors: every projection, rebuild and view then does
 * the work a long-lived reserve gives it.
 */
final class SyntheticStream {

    static final List<String> MINERALS = List.of("LITHIUM", "COBALT", "NICKEL", "GRAPHITE", "GALLIUM", "GERMANIUM",
            "NEODYMIUM", "DYSPROSIUM");
    private static final List<String> STATES = List.of("NV", "TX", "OH", "PA", "TN", "GA", "AZ", "UT", "WY", "LA");
    private static final List<String> COUNTRIES = List.of("AU", "CL", "AR", "CN", "CD", "ID", "PH", "CA", "BR", "ZA",
            "MZ", "JP", "DE", "US");
    private static final List<String> FUNDING = List.of("EXIM_LOAN", "PRIVATE_CAPITAL");
    private static final List<String> MANUFACTURERS = List.of("VOLTCELL", "GRIDWORKS", "DATAVAULT", "AEROFORGE", "MAGNETIX");
    private static final List<String> INVESTORS = List.of("PENSION-A", "ENDOWMENT-B", "SOVEREIGN-C");
    private static final List<String> FACILITIES = List.of("EXIM-VAULT-1", "EXIM-VAULT-2");

    private final ChildService service;
    private final Random random = new Random(20260418);
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private final List<String> sites = new ArrayList<>();
    /** Tonnes each site holds of each mineral, as far as the seed's commands have moved them. */
    private final Map<String, Map<String, Integer>> held = new HashMap<>();

    SyntheticStream(ChildService service) {
        this.service = service;
    }

    /** The positions of the seed's activity, the events to be copied. */
    record Activity(long from, long to, int commands) {
    }

    Activity seed() {
        for (int i = 0; i < 50; i++) {
            String state = STATES.get(i % STATES.size());
            String site = state + "-DEPOT-" + (i + 1);
            created(service.post("GOVERNANCE", "/api/v1/sites", """
                    {"siteId":"%s","name":"Depot %d","state":"%s","capacityTonnes":100000000}"""
                    .formatted(site, i + 1, state)));
            sites.add(site);
            held.put(site, new HashMap<>());
        }
        for (String mineral : MINERALS) {
            created(service.put("GOVERNANCE", "/api/v1/reference-prices/" + mineral, """
                    {"pricePerTonneUsd":%d,"effectiveFrom":"%s"}""".formatted(5_000 + random.nextInt(60_000),
                    today.minusDays(400))));
        }
        for (String manufacturer : MANUFACTURERS) {
            created(service.post("GOVERNANCE", "/api/v1/manufacturers", """
                    {"manufacturerId":"%s","name":"%s Inc."}""".formatted(manufacturer, manufacturer)));
        }
        for (String facility : FACILITIES) {
            created(service.post("TREASURY", "/api/v1/financing/facilities", """
                    {"facilityId":"%s","lender":"Export-Import Bank of the United States","limitUsd":10000000000000,
                     "annualInterestRatePct":4.5,"dayCount":"ACT_360","maturityDate":"%s"}"""
                    .formatted(facility, today.plusYears(15))));
        }
        for (String investor : INVESTORS) {
            created(service.post("TREASURY", "/api/v1/financing/investors", """
                    {"investorId":"%s","name":"%s","commitmentUsd":1000000000000}""".formatted(investor, investor)));
        }
        long from = head() + 1;
        int commands = 0;
        for (int round = 0; round < 8; round++) {
            for (String site : sites) {
                deposit(site, MINERALS.get(random.nextInt(MINERALS.size())), 50 + random.nextInt(450),
                        LocalDate.now(ZoneOffset.UTC).minusDays(30 + random.nextInt(300)));
                commands++;
            }
        }
        for (int i = 0; i < 150; i++) {
            String site = sites.get(i % sites.size());
            String mineral = someHeld(site);
            created(service.post("OPERATOR", "/api/v1/sites/" + site + "/withdrawals", """
                    {"mineral":"%s","quantityTonnes":%d,"reason":"%s"}"""
                    .formatted(mineral, 1 + random.nextInt(5), i % 3 == 0 ? "SALE" : "ROTATION")));
            take(site, mineral, 5);
            commands++;
        }
        for (int i = 0; i < 40; i++) {
            String source = sites.get(random.nextInt(sites.size()));
            String destination = sites.get(random.nextInt(sites.size()));
            if (destination.equals(source)) {
                continue;
            }
            String mineral = someHeld(source);
            HttpResponse<String> dispatch = created(service.post("OPERATOR", "/api/v1/transfers", """
                    {"fromSiteId":"%s","toSiteId":"%s","mineral":"%s","quantityTonnes":%d}"""
                    .formatted(source, destination, mineral, 1 + random.nextInt(10))));
            take(source, mineral, 10);
            String transfer = Harness.json(dispatch.body()).get("transferId").asString();
            ok(service.post("OPERATOR", "/api/v1/transfers/" + transfer + "/receipt", null));
            commands += 2;
        }
        for (int c = 0; c < 3; c++) {
            String mineral = MINERALS.get(c);
            String manufacturer = MANUFACTURERS.get(c);
            String commitment = Harness.json(created(service.post("GOVERNANCE", "/api/v1/commitments", """
                    {"manufacturerId":"%s","mineral":"%s","quantityTonnes":100000,"pricePerTonneUsd":20000,
                     "startDate":"%s","endDate":"%s","upfrontFeeUsd":250000,"storageFeePerTonneMonthUsd":10,
                     "replenishWithinDays":90}""".formatted(manufacturer, mineral, today.minusDays(365),
                    today.plusYears(5)))).body()).get("commitmentId").asString();
            commands++;
            for (int d = 0; d < 7; d++) {
                String site = siteHolding(mineral);
                if (site == null) {
                    deposit(sites.get(d), mineral, 200, today.minusDays(20));
                    site = sites.get(d);
                    commands++;
                }
                created(service.post("OPERATOR", "/api/v1/commitments/" + commitment + "/draws", """
                        {"siteId":"%s","quantityTonnes":%d}""".formatted(site, 1 + random.nextInt(5))));
                take(site, mineral, 5);
                commands++;
                if (d % 3 == 0) {
                    created(service.post("OPERATOR", "/api/v1/commitments/" + commitment + "/replenishments", """
                            {"siteId":"%s","quantityTonnes":3,"unitCostUsd":21000,"supplier":"Trader AU",
                             "originCountry":"AU"}""".formatted(site)));
                    commands++;
                }
            }
        }
        for (int month = 12; month >= 1; month--) {
            for (String facility : FACILITIES) {
                created(service.post("TREASURY", "/api/v1/financing/facilities/" + facility + "/drawdowns", """
                        {"amountUsd":%d,"valueDate":"%s","purpose":"Procurement"}"""
                        .formatted(10_000_000 + random.nextInt(90_000_000), today.minusMonths(month))));
                commands++;
                if (month % 4 == 0) {
                    created(service.post("TREASURY", "/api/v1/financing/facilities/" + facility + "/repayments", """
                            {"amountUsd":1000000,"valueDate":"%s"}""".formatted(today.minusMonths(month).plusDays(10))));
                    commands++;
                }
            }
        }
        for (int call = 0; call < 4; call++) {
            LocalDate due = today.minusMonths(10 - call * 3L);
            String capitalCall = Harness.json(created(service.post("TREASURY", "/api/v1/financing/capital-calls", """
                    {"amountUsd":30000000,"dueDate":"%s"}""".formatted(due))).body()).get("capitalCallId").asString();
            commands++;
            for (String investor : INVESTORS) {
                created(service.post("TREASURY", "/api/v1/financing/investors/" + investor + "/contributions", """
                        {"capitalCallId":"%s","amountUsd":10000000,"valueDate":"%s"}""".formatted(capitalCall, due)));
                commands++;
            }
        }
        return new Activity(from, head(), commands);
    }

    private void deposit(String site, String mineral, int tonnes, LocalDate receivedOn) {
        String country = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
        created(service.post("OPERATOR", "/api/v1/sites/" + site + "/deposits", """
                {"mineral":"%s","form":"concentrate","quantityTonnes":%d,"unitCostUsd":%d,"supplier":"Trader %s",
                 "originCountry":"%s","fundingSource":"%s","receivedAt":"%sT09:00:00Z"}"""
                .formatted(mineral, tonnes, 8_000 + random.nextInt(40_000), country, country,
                        FUNDING.get(random.nextInt(FUNDING.size())), receivedOn)));
        held.get(site).merge(mineral, tonnes, Integer::sum);
    }

    /** A mineral the site holds well over {@code 10} t of; deposits one if it holds none. */
    private String someHeld(String site) {
        List<String> minerals = held.get(site).entrySet().stream().filter(e -> e.getValue() > 20).map(Map.Entry::getKey)
                .sorted().toList();
        if (minerals.isEmpty()) {
            deposit(site, "NICKEL", 100, today.minusDays(15));
            return "NICKEL";
        }
        return minerals.get(random.nextInt(minerals.size()));
    }

    private String siteHolding(String mineral) {
        return sites.stream().filter(site -> held.get(site).getOrDefault(mineral, 0) > 20).findFirst().orElse(null);
    }

    private void take(String site, String mineral, int atMost) {
        held.get(site).merge(mineral, -atMost, Integer::sum);
    }

    private long head() {
        long head = 0;
        for (var projection : Harness.json(service.get("ADMIN", "/api/v1/admin/projections").body())) {
            head = Math.max(head, projection.get("headPosition").asLong());
        }
        return head;
    }

    private static HttpResponse<String> created(HttpResponse<String> response) {
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new AssertionError("seed command refused: " + response.request().uri() + " -> " + response.statusCode()
                    + " " + response.body());
        }
        return response;
    }

    private static void ok(HttpResponse<String> response) {
        created(response);
    }

    /** Instants at which the grown stream held given numbers of events, for views asOf them. */
    record Mark(long events, Instant at) {
    }

    /**
     * Appends copies of the activity's events until the stream holds {@code events} events, in transactions of
     * about 10 000 events, each attested in its transaction as the service attests appends. Answers the instants
     * after which a third, two thirds and all of the stream had been recorded.
     */
    static List<Mark> grow(String url, String user, String password, Path dataDir, Activity activity, long events) {
        AttestationKey key = new AttestationKey(attestationKey(dataDir));
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, user, password, true);
        dataSource.setAutoCommit(false);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            EventAttestation attestation = new EventAttestation(jdbc, key, event -> {
            });
            TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            long block = activity.to() - activity.from() + 1;
            int perTransaction = (int) Math.max(1, 10_000 / block);
            long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
            List<Mark> marks = new ArrayList<>();
            long[] thresholds = {events / 3, 2 * events / 3, events};
            int next = 0;
            for (int copy = 1; count < events; copy += perTransaction) {
                int first = copy;
                int copies = (int) Math.min(perTransaction, (events - count + block - 1) / block);
                List<String> ids = transactions.execute(status -> {
                    List<String> appended = jdbc.queryForList("""
                                    insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                                        type, time_stamp, payload_type, payload_revision, payload, meta_data)
                                    select gen_random_uuid()::text, e.aggregate_identifier || '~' || k, e.sequence_number,
                                        e.type, to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                                        e.payload_type, e.payload_revision,
                                        convert_to(regexp_replace(convert_from(e.payload, 'UTF8'),
                                            '"[0-9a-f]{8}-([0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"',
                                            '"' || lpad(to_hex(k), 8, '0') || '-\\1"', 'g'), 'UTF8'),
                                        e.meta_data
                                    from generate_series(?, ?) k cross join domain_event_entry e
                                    where e.global_index between ? and ?
                                    order by k, e.global_index
                                    returning event_identifier
                                    """, String.class, first, first + copies - 1, activity.from(), activity.to());
                    attestation.attest(appended);
                    return appended;
                });
                count += ids.size();
                while (next < thresholds.length && count >= thresholds[next]) {
                    marks.add(new Mark(count, Instant.now()));
                    next++;
                }
            }
            // Wake the service's chainer at once rather than at its next interval.
            transactions.executeWithoutResult(status -> jdbc.execute("select pg_notify('reserve_events', '')"));
            return marks;
        } finally {
            dataSource.destroy();
        }
    }

    private static byte[] attestationKey(Path dataDir) {
        try {
            return Base64.getDecoder().decode(Files.readString(dataDir.resolve("attestation.key"), StandardCharsets.US_ASCII)
                    .strip());
        } catch (IOException e) {
            throw new UncheckedIOException("the service's attestation key is not readable under " + dataDir, e);
        }
    }
}
