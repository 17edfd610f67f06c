package org.reserveledger.api.fuzz;

import org.reserveledger.api.fuzz.ApiDocument.Operation;
import org.reserveledger.api.fuzz.ApiDocument.Shape;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Values for every field and parameter the document declares: one a valid request would carry (the
 * seeded reserve's ids, sensible figures) and the boundary and hostile ones the fuzzer sends instead.
 * The document gives types, formats and enums; the contract's conventions (…Tonnes, …Usd, codes,
 * business dates) are read from the field names, as API.md defines them.
 */
final class Inputs {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final String SQL = "x'; DROP TABLE domain_event_entry; --";

    private static final List<String> TONNES = List.of("0", "-0", "0.001", "0.0001", "-0.001", "-1", "999999999.999",
            "1000000000", "1000000000.001", "1E+9", "1e13", "1e22", "1e308", "1e400", "123456789012345678901234567890",
            "0.1e1", "\"1\"", "true", "null", "[]", "{}");
    private static final List<String> MONEY = List.of("0", "0.01", "0.001", "-0.01", "9999999999999.99",
            "10000000000000", "10000000000000.01", "1e13", "1e22", "1e9", "1e-4", "1e400", "-1e13", "\"10\"", "true",
            "null", "[]", "{}");
    private static final List<String> RATE = List.of("0", "-0.01", "100", "100.01", "1000", "1e9", "1e-4", "1e13",
            "99.9999", "\"5\"", "null");
    private static final List<String> INTEGER = List.of("0", "-1", "2147483647", "2147483648", "-2147483649", "1.5",
            "1e3", "1e9", "9223372036854775808", "\"30\"", "null");
    private static final List<String> EXTREME_DATES = List.of("1900-01-01", "1899-12-31", "2200-12-31", "2201-01-01",
            "0001-01-01", "+999999999-12-31", "-999999999-01-01", "2026-02-30", "2026-13-01", "", "today",
            "2026-01-01T00:00:00Z", "1970-01-01");
    private static final List<String> EXTREME_INSTANTS = List.of("1900-01-01T00:00:00Z", "1899-12-31T23:59:59Z",
            "2200-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59.999999999Z", "2026-01-01", "2026-01-01T00:00:00", "2026-01-01T00:00:00+14:00",
            "1970-01-01T00:00:00Z", "", "2026-06-31T00:00:00Z", "9999-12-31T23:59:59Z");

    private final Map<String, List<String>> ids;
    private final LocalDate today;
    private final Instant now;
    private final Random random;

    Inputs(Map<String, List<String>> ids, LocalDate today, Instant now, Random random) {
        this.ids = ids;
        this.today = today;
        this.now = now;
        this.random = random;
    }

    static String json(String text) {
        return JSON.writeValueAsString(text);
    }

    /** A JSON object from field names to raw JSON values, in their order. */
    static String object(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> json(e.getKey()) + ":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    String freshCode() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder code = new StringBuilder("FZ-");
        for (int i = 0; i < 8; i++) {
            code.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return code.toString();
    }

    private String pick(String kind) {
        List<String> known = ids.getOrDefault(kind, List.of());
        return known.isEmpty() ? null : known.get(random.nextInt(known.size()));
    }

    /** The field a create command names its new resource by, e.g. {@code siteId} for {@code POST /api/v1/sites}. */
    private static boolean creates(Operation operation, String field) {
        return operation.method().equals("POST") && switch (field) {
            case "siteId" -> operation.path().equals("/api/v1/sites");
            case "manufacturerId" -> operation.path().equals("/api/v1/manufacturers");
            case "facilityId" -> operation.path().equals("/api/v1/financing/facilities");
            case "investorId" -> operation.path().equals("/api/v1/financing/investors");
            default -> false;
        };
    }

    // ---- bodies

    /** A raw JSON value a valid request would carry in this field. */
    String validField(Operation operation, String name, Shape shape) {
        if (!shape.enumValues().isEmpty()) {
            return json(shape.enumValues().get(random.nextInt(shape.enumValues().size())));
        }
        if (creates(operation, name)) {
            return json(freshCode());
        }
        return switch (shape.type()) {
            case "number" -> validNumber(name);
            case "integer" -> name.endsWith("Days") ? "30" : "1";
            case "boolean" -> "false";
            case "array" -> "[]";
            case "object" -> validObject(operation, shape);
            default -> json(validText(name, shape));
        };
    }

    String validObject(Operation operation, Shape shape) {
        Map<String, String> fields = new LinkedHashMap<>();
        shape.properties().forEach((name, property) -> {
            if (shape.required().contains(name) || (!property.type().equals("array") && random.nextBoolean())) {
                fields.put(name, validField(operation, name, property));
            }
        });
        return object(fields);
    }

    private static String validNumber(String name) {
        return switch (name) {
            case "capacityTonnes" -> "1000";
            case "unitCostUsd", "pricePerTonneUsd" -> "100";
            case "limitUsd", "commitmentUsd" -> "1000000";
            case "upfrontFeeUsd" -> "0";
            case "annualInterestRatePct" -> "5";
            default -> name.endsWith("Usd") ? "10" : "1";
        };
    }

    private String validText(String name, Shape shape) {
        if ("date".equals(shape.format())) {
            return validDate(name).toString();
        }
        if ("date-time".equals(shape.format())) {
            return now.minus(1, ChronoUnit.HOURS).toString();
        }
        String known = switch (name) {
            case "fromSiteId" -> ids.get("siteId").getFirst();
            case "toSiteId" -> ids.get("siteId").get(1);
            case "toManufacturerId" -> "AEROSPACE-ONE";
            case "manufacturerId" -> "VOLTCELL";
            case "mineral" -> "LITHIUM";
            case "originCountry" -> "AU";
            case "state" -> "NV";
            case "form" -> "concentrate";
            case "supplier" -> "Fuzz Trader";
            case "lender" -> "Fuzz Bank";
            case "name" -> "Fuzz Depot";
            case "purpose" -> "working capital";
            case "source" -> "LME";
            case "reference" -> "REF-1";
            case "reason" -> "fuzzing";
            default -> pick(name);
        };
        if (known != null) {
            return known;
        }
        return "uuid".equals(shape.format()) ? UUID.randomUUID().toString() : "fuzz";
    }

    private LocalDate validDate(String name) {
        return switch (name) {
            case "startDate" -> today.minusDays(30);
            case "endDate" -> today.plusDays(365);
            case "maturityDate" -> today.plusYears(5);
            case "dueDate" -> today.plusDays(30);
            default -> today.minusDays(1);
        };
    }

    /** Raw JSON values at and past the field's bounds, of the wrong type, and hostile. */
    List<String> boundaries(Operation operation, String name, Shape shape) {
        List<String> values = new ArrayList<>();
        if (!shape.enumValues().isEmpty()) {
            shape.enumValues().forEach(value -> values.add(json(value)));
            values.addAll(List.of(json(shape.enumValues().getFirst().toLowerCase(Locale.ROOT)), json("BOGUS"), json(""),
                    "null", "1"));
            return values;
        }
        switch (shape.type()) {
            case "number" -> values.addAll(name.endsWith("Tonnes") ? TONNES : name.endsWith("Usd") ? MONEY
                    : name.endsWith("Pct") ? RATE : TONNES);
            case "integer" -> {
                values.addAll(INTEGER);
                if (shape.maximum() != null) {
                    values.add(shape.maximum().toPlainString());
                    values.add(shape.maximum().add(BigDecimal.ONE).toPlainString());
                }
            }
            case "array" -> values.addAll(arrays(operation, shape));
            case "object" -> values.addAll(List.of("{}", "[]", "\"x\"", "null"));
            default -> values.addAll(texts(name, shape));
        }
        return values;
    }

    private List<String> texts(String name, Shape shape) {
        List<String> values = new ArrayList<>();
        if ("date".equals(shape.format())) {
            EXTREME_DATES.forEach(date -> values.add(json(date)));
            values.addAll(List.of(json(today.toString()), json(today.plusDays(1).toString()), "20260101", "null"));
            return values;
        }
        if ("date-time".equals(shape.format())) {
            EXTREME_INSTANTS.forEach(instant -> values.add(json(instant)));
            values.addAll(List.of(json(now.plus(1, ChronoUnit.DAYS).toString()), "1767225600", "null"));
            return values;
        }
        String valid = validText(name, shape);
        if ("uuid".equals(shape.format())) {
            values.addAll(List.of(json(UUID.randomUUID().toString()), json(new UUID(0, 0).toString()), json("not-a-uuid"),
                    json(valid.toUpperCase(Locale.ROOT)), json(pick("lotId")), "123", "null", json("")));
            return values;
        }
        List<String> hostile = new ArrayList<>(List.of(json(" "), json("A".repeat(300)), json("Zürich 東京 🚀"),
                json("\u0000"), json("\u202Eevil"), json("<b>x</b>"), json(SQL), "\"\\ud800\"", "[]", "{}", "true",
                json(valid.toLowerCase(Locale.ROOT)), json(valid + " ")));
        // A sample of the hostile texts per field keeps the run within its bounds; the seed decides which.
        Collections.shuffle(hostile, random);
        values.addAll(List.of(json(""), "123", "null"));
        values.addAll(hostile.subList(0, 7));
        if (random.nextInt(4) == 0) {
            values.add(json("A".repeat(100_000)));
        }
        if (name.endsWith("Id") || name.equals("mineral") || name.equals("state") || name.equals("originCountry")) {
            values.addAll(List.of(json("X".repeat(33)), json("A"), json("-A"), json("XX"), json("NOPE-1"), json("ZZ")));
        }
        return values;
    }

    private List<String> arrays(Operation operation, Shape shape) {
        String item = shape.items() == null ? "1" : validObject(operation, shape.items());
        String lot = pick("lotId");
        String named = "{\"lotId\":" + json(lot) + ",\"quantityTonnes\":1}";
        return List.of("[]", "[null]", "[{}]", "{}", "\"x\"", "null", "[" + item + "]",
                "[" + named + "]", "[" + named + "," + named + "]",
                "[{\"lotId\":" + json(lot) + ",\"quantityTonnes\":1e22}]",
                "[{\"lotId\":\"not-a-uuid\",\"quantityTonnes\":1}]",
                "[{\"lotId\":" + json(lot) + ",\"quantityTonnes\":1,\"extra\":1}]",
                IntStream.range(0, 101).mapToObj(i -> named).collect(Collectors.joining(",", "[", "]")));
    }

    /** The largest value the contract allows in a numeric field, or null for other fields. */
    static String maximum(String name, Shape shape, boolean withDecimals) {
        if (shape.type().equals("integer")) {
            return shape.maximum() == null ? "2147483647" : shape.maximum().toPlainString();
        }
        if (!shape.type().equals("number")) {
            return null;
        }
        if (name.endsWith("Usd")) {
            return withDecimals ? "9999999999999.99" : "10000000000000";
        }
        if (name.endsWith("Pct")) {
            return "100";
        }
        return withDecimals ? "999999999.999" : "1000000000";
    }

    /** The earliest business date the books mean, for date fields; null for other fields. */
    static String earliest(Shape shape) {
        if ("date".equals(shape.format())) {
            return json("1900-01-01");
        }
        return "date-time".equals(shape.format()) ? json("1900-01-01T00:00:00Z") : null;
    }

    // ---- paths and queries

    String validPath(String name, Shape shape) {
        String known = switch (name) {
            case "mineral" -> "LITHIUM";
            case "name" -> pick("projection");
            default -> pick(name);
        };
        if (known != null) {
            return known;
        }
        return "uuid".equals(shape.format()) ? UUID.randomUUID().toString() : "FUZZ";
    }

    List<String> hostilePath(String valid) {
        return List.of("", "%20", "%00", "%ZZ", "%", "..", "%2E%2E", "%2F", "a%2Fb", "%3B", "A".repeat(3000), "%C3%A9",
                "%FF", valid.toLowerCase(Locale.ROOT), UUID.randomUUID().toString(), "-1", "99999999999999999999",
                "null", "%3Cscript%3E", "X%27%20OR%20%271%27%3D%271", valid + "%20", "%09", valid + "%00");
    }

    /** A raw query value a valid request would carry, or null to leave the parameter out. */
    String validQuery(String name, Shape shape) {
        return switch (name) {
            case "minPosition", "afterPosition" -> "0";
            case "limit" -> "10";
            case "position" -> "1";
            case "manufacturerId" -> "VOLTCELL";
            case "expectedHash" -> null;
            case "valueDates" -> today.minusDays(31) + "," + today;
            default -> switch (shape.format() == null ? "" : shape.format()) {
                case "date" -> today.minusDays(1).toString();
                case "date-time" -> now.minus(1, ChronoUnit.SECONDS).toString();
                default -> null;
            };
        };
    }

    List<String> boundaryQuery(Shape shape) {
        List<String> values = new ArrayList<>(List.of("", "%ZZ", "%", "%00", "%C3%28"));
        String format = shape.format() == null ? "" : shape.format();
        if (shape.type().equals("integer")) {
            values.addAll(List.of("0", "1", "-1", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
                    "99999999999999999999999", "1e3", "1.5", "abc", "0x10", "%201", "2147483648", "%E2%88%9E"));
            if (shape.maximum() != null) {
                values.add(shape.maximum().add(BigDecimal.ONE).toPlainString());
            }
        } else if (shape.type().equals("array")) {
            String dates = IntStream.range(0, 121).mapToObj(i -> today.minusDays(i).toString()).collect(Collectors.joining(","));
            values.addAll(List.of(",,,", ",", today + ",," + today, dates, "-999999999-01-01", "%2B999999999-12-31",
                    "+999999999-12-31", today + ",-999999999-01-01", "1900-01-01,2200-12-31", "0001-01-01", "x,y",
                    today + "%2C" + today));
        } else if (format.equals("date")) {
            EXTREME_DATES.forEach(date -> values.add(date.replace("+", "%2B")));
            values.addAll(List.of("+999999999-12-31", today.plusDays(1).toString()));
        } else if (format.equals("date-time")) {
            EXTREME_INSTANTS.forEach(instant -> values.add(instant.replace("+", "%2B")));
            values.addAll(List.of("+999999999-12-31T23:59:59Z", now.plus(1, ChronoUnit.DAYS).toString(),
                    "2026-01-01T00:00:00.123456789Z", "-0001-01-01T00:00:00Z"));
        } else {
            values.addAll(List.of("VOLTCELL", "voltcell", "AEROSPACE-ONE", "NOPE", "A".repeat(5000), "%C3%A9", "%FF",
                    "X%27%20OR%20%271%27%3D%271"));
        }
        return values;
    }

    /** Whole query strings that are malformed however the parameters are declared. */
    static List<String> hostileQueries() {
        return List.of("=x", "a=%ZZ", "%ZZ=1", "unknownParam=1", "&&&", "=", "a", "x=%C3%28", "%00=1", "a=1&a=2",
                "%=%", "a=%", "a=%2", "a[]=1&a[b]=2");
    }
}
