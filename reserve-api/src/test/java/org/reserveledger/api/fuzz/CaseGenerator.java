package org.reserveledger.api.fuzz;

import org.reserveledger.api.fuzz.ApiDocument.Operation;
import org.reserveledger.api.fuzz.ApiDocument.Param;
import org.reserveledger.api.fuzz.ApiDocument.Shape;
import org.reserveledger.api.support.Api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Turns each operation of the document into requests: one valid request per role (to learn who may
 * call it), then requests that are valid but for one path parameter, query parameter, body field,
 * header or token, then requests with several fields at their extremes at once.
 */
final class CaseGenerator {

    static final List<String> ROLES = List.of("GOVERNANCE", "OPERATOR", "TREASURY", "MANUFACTURER", "AUDITOR", "ADMIN");

    private static final int COMBINATIONS = 12;

    private final Inputs inputs;
    private final Random random;

    CaseGenerator(Inputs inputs, Random random) {
        this.inputs = inputs;
        this.random = random;
    }

    /** One valid request per role, and one with no token; the answers tell which roles the service allows. */
    List<FuzzCase> discovery(Operation operation) {
        List<FuzzCase> cases = new ArrayList<>();
        for (String role : ROLES) {
            cases.add(one(operation, "role", role, draft(operation, role)));
        }
        Draft anonymous = draft(operation, ROLES.getFirst());
        anonymous.authorization = null;
        cases.add(one(operation, "auth", "no token", anonymous));
        return cases;
    }

    List<FuzzCase> cases(Operation operation, List<String> allowed) {
        List<String> refused = ROLES.stream().filter(role -> !allowed.contains(role)).collect(Collectors.toList());
        Generation generation = new Generation(operation, allowed.isEmpty() ? List.of("ADMIN") : allowed);
        generation.valid();
        generation.tokens(refused);
        generation.pathParameters();
        generation.queryParameters();
        generation.headers();
        if (operation.body() != null) {
            generation.bodyFields();
            generation.wholeBodies();
            generation.extremesAtOnce();
            generation.idempotency();
        } else if (operation.command()) {
            generation.unexpectedBodies();
        }
        return generation.cases;
    }

    private FuzzCase one(Operation operation, String target, String input, Draft draft) {
        return new FuzzCase(operation, target, input, List.of(draft.build()));
    }

    private Draft draft(Operation operation, String role) {
        return new Draft(operation, role);
    }

    /** The cases of one operation, each a valid request changed in one place. */
    private final class Generation {

        private final Operation operation;
        private final List<String> allowed;
        private final List<FuzzCase> cases = new ArrayList<>();

        Generation(Operation operation, List<String> allowed) {
            this.operation = operation;
            this.allowed = allowed;
        }

        private Draft draft() {
            return new Draft(operation, allowed.get(random.nextInt(allowed.size())));
        }

        private void add(String target, String input, Draft draft) {
            cases.add(one(operation, target, input, draft));
        }

        void valid() {
            for (int i = 0; i < 3; i++) {
                add("valid", "a valid request", draft());
            }
        }

        void tokens(List<String> refused) {
            List<String> wrong = new ArrayList<>(refused);
            Collections.shuffle(wrong, random);
            for (String role : wrong.subList(0, Math.min(2, wrong.size()))) {
                Draft draft = new Draft(operation, role);
                add("auth", "role " + role, draft);
            }
            Map<String, String> authorizations = new LinkedHashMap<>();
            authorizations.put("empty bearer", "Bearer ");
            authorizations.put("unknown token", "Bearer not-a-configured-token");
            authorizations.put("basic credentials", "Basic dXNlcjpwYXNz");
            authorizations.put("5000-character token", "Bearer " + "A".repeat(5000));
            authorizations.put("non-ASCII token", "Bearer jeton-é");
            authorizations.put("lower-case scheme", "bearer " + Api.tokenOf(allowed.getFirst()));
            authorizations.forEach((input, value) -> {
                Draft draft = draft();
                draft.authorization = value;
                add("auth", input, draft);
            });
        }

        void pathParameters() {
            for (Param param : operation.pathParams()) {
                String valid = inputs.validPath(param.name(), param.shape());
                for (String value : inputs.hostilePath(valid)) {
                    Draft draft = draft();
                    draft.path.put(param.name(), value);
                    add("path." + param.name(), value, draft);
                }
            }
        }

        void queryParameters() {
            for (Param param : operation.queryParams()) {
                for (String value : inputs.boundaryQuery(param.shape())) {
                    Draft draft = draft();
                    draft.query.put(param.name(), value);
                    add("query." + param.name(), value, draft);
                }
                Draft repeated = draft();
                String valid = inputs.validQuery(param.name(), param.shape());
                repeated.query.remove(param.name());
                repeated.extraQuery = param.name() + "=" + (valid == null ? "x" : valid) + "&" + param.name() + "=1";
                add("query." + param.name(), "repeated", repeated);
            }
            for (String query : Inputs.hostileQueries()) {
                Draft draft = draft();
                draft.extraQuery = query;
                add("query", query, draft);
            }
            Draft unknown = draft();
            unknown.extraQuery = "unknownParam=1";
            add("query", "a valid query and unknownParam=1", unknown);
        }

        void headers() {
            Map<String, String> accepts = Map.of("xml", "application/xml", "bad quality", "*/*;q=bogus");
            accepts.forEach((input, value) -> {
                Draft draft = draft();
                draft.headers.put("Accept", value);
                add("header.Accept", input, draft);
            });
            if (!operation.command()) {
                return;
            }
            List<String> keys = List.of("", "clé-é-UTF-8", "K".repeat(65), "K".repeat(64), "with space", "ключ",
                    "\u00ff");
            for (String key : keys) {
                Draft draft = draft();
                draft.headers.put("Idempotency-Key", key);
                add("header.Idempotency-Key", key.length() > 20 ? key.length() + " characters" : "'" + key + "'", draft);
            }
            // One over the contract's 64 characters: a header beyond the container's 8 KB is ContainerRefusalsTest's,
            // and the container answers it by closing a connection whose body it has not read.
            for (String id : List.of("", "A".repeat(65), "A".repeat(64), "corrélation")) {
                Draft draft = draft();
                draft.headers.put("X-Correlation-Id", id);
                add("header.X-Correlation-Id", id.length() > 20 ? id.length() + " characters" : "'" + id + "'", draft);
            }
        }

        void bodyFields() {
            Shape body = operation.body();
            body.properties().forEach((name, shape) -> {
                for (String value : inputs.boundaries(operation, name, shape)) {
                    Draft draft = draft();
                    draft.body.put(name, value);
                    add("body." + name, value, draft);
                }
                if (body.required().contains(name)) {
                    Draft missing = draft();
                    missing.body.remove(name);
                    add("body." + name, "(missing)", missing);
                }
            });
            Draft extra = draft();
            extra.body.put("unknownField", "1");
            add("body", "an unknown field", extra);
        }

        void wholeBodies() {
            Map<String, String> bodies = new LinkedHashMap<>();
            bodies.put("empty", "");
            bodies.put("null", "null");
            bodies.put("an array", "[]");
            bodies.put("an empty object", "{}");
            bodies.put("truncated", "{");
            bodies.put("a string", "\"x\"");
            bodies.put("a number", "1");
            bodies.put("10000 nested arrays", "[".repeat(10_000) + "]".repeat(10_000));
            bodies.put("trailing garbage", Inputs.object(draft().body) + "}{");
            bodies.put("a byte-order mark", "\uFEFF" + Inputs.object(draft().body));
            bodies.put("a comment", "/* c */" + Inputs.object(draft().body));
            bodies.forEach((input, text) -> {
                Draft draft = draft();
                draft.rawBody = text.getBytes(StandardCharsets.UTF_8);
                add("body", input, draft);
            });
            Draft duplicate = draft();
            // A body of optional fields only may come out empty: then its first field is given, and repeated.
            operation.body().properties().entrySet().stream().findFirst().ifPresent(field -> {
                if (duplicate.body.isEmpty()) {
                    duplicate.body.put(field.getKey(), inputs.validField(operation, field.getKey(), field.getValue()));
                }
                String first = duplicate.body.keySet().iterator().next();
                duplicate.rawBody = ("{" + Inputs.json(first) + ":null," + Inputs.object(duplicate.body).substring(1))
                        .getBytes(StandardCharsets.UTF_8);
                add("body", "a duplicate key", duplicate);
            });
            Draft invalidUtf8 = draft();
            String text = Inputs.object(invalidUtf8.body);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            int quote = text.indexOf(":\"");
            if (quote > 0) {
                bytes[quote + 2] = (byte) 0xFF;
            }
            invalidUtf8.rawBody = bytes;
            add("body", "invalid UTF-8", invalidUtf8);
            Map<String, String> contentTypes = new LinkedHashMap<>();
            contentTypes.put("none", null);
            contentTypes.put("text", "text/plain");
            contentTypes.put("latin-1 JSON", "application/json; charset=ISO-8859-1");
            contentTypes.put("unknown charset", "application/json; charset=bogus");
            contentTypes.put("xml", "application/xml");
            contentTypes.put("form", "application/x-www-form-urlencoded");
            contentTypes.put("multipart without parts", "multipart/form-data; boundary=x");
            contentTypes.put("malformed", "application/");
            contentTypes.forEach((input, type) -> {
                Draft draft = draft();
                draft.contentType = type;
                add("header.Content-Type", input, draft);
            });
        }

        void unexpectedBodies() {
            for (String text : List.of("{}", "garbage", "{\"x\":1}")) {
                Draft draft = draft();
                draft.contentType = "application/json";
                draft.rawBody = text.getBytes(StandardCharsets.UTF_8);
                add("body", "unexpected " + text, draft);
            }
        }

        /** Several fields at their maximum together: products such as quantity × price must still fit the books. */
        void extremesAtOnce() {
            Shape body = operation.body();
            for (boolean decimals : List.of(false, true)) {
                for (boolean earliestDates : List.of(false, true)) {
                    Draft draft = draft();
                    body.properties().forEach((name, shape) -> {
                        String maximum = Inputs.maximum(name, shape, decimals);
                        String earliest = earliestDates ? Inputs.earliest(shape) : null;
                        if (maximum != null) {
                            draft.body.put(name, maximum);
                        } else if (earliest != null) {
                            draft.body.put(name, earliest);
                        }
                    });
                    add("maxima", (decimals ? "every number at its largest with decimals"
                            : "every number at its largest") + (earliestDates ? ", dates at 1900-01-01" : ""), draft);
                }
            }
            for (int i = 0; i < COMBINATIONS; i++) {
                Draft draft = draft();
                List<String> changed = new ArrayList<>();
                body.properties().forEach((name, shape) -> {
                    if (random.nextInt(100) < 40) {
                        List<String> values = new ArrayList<>(inputs.boundaries(operation, name, shape));
                        String maximum = Inputs.maximum(name, shape, random.nextBoolean());
                        if (maximum != null) {
                            values.add(maximum);
                            values.add(maximum);
                        }
                        String value = values.get(random.nextInt(values.size()));
                        draft.body.put(name, value);
                        changed.add(name + "=" + FuzzCase.shorten(value, 40));
                    }
                });
                add("combination", String.join(", ", changed), draft);
            }
        }

        /** The same key with the same body twice, then with another body: a replay, then a reuse. */
        void idempotency() {
            String key = "fuzz-" + inputs.freshCode();
            Draft first = draft();
            first.headers.put("Idempotency-Key", key);
            Draft other = new Draft(operation, first.role);
            other.headers.put("Idempotency-Key", key);
            other.body.putAll(first.body);
            String field = first.body.keySet().stream().filter(name -> operation.body().properties().get(name)
                    .type().equals("number")).findFirst().orElse(null);
            if (field != null) {
                other.body.put(field, "2");
            } else {
                other.body.put("unknownField", "1");
            }
            cases.add(new FuzzCase(operation, "idempotency", "replay then reuse of key " + key,
                    List.of(first.build(), first.build(), other.build())));
        }
    }

    /** A valid request for one role, to be changed in one place before it is built. */
    private final class Draft {

        private final Operation operation;
        private final String role;
        private String authorization;
        private final Map<String, String> path = new LinkedHashMap<>();
        private final Map<String, String> query = new LinkedHashMap<>();
        private String extraQuery;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Map<String, String> body = new LinkedHashMap<>();
        private String contentType;
        private byte[] rawBody;

        Draft(Operation operation, String role) {
            this.operation = operation;
            this.role = role;
            this.authorization = "Bearer " + Api.tokenOf(role);
            for (Param param : operation.pathParams()) {
                path.put(param.name(), inputs.validPath(param.name(), param.shape()));
            }
            for (Param param : operation.queryParams()) {
                String value = inputs.validQuery(param.name(), param.shape());
                if (value != null && (param.required() || random.nextBoolean())) {
                    query.put(param.name(), value);
                }
            }
            if (operation.body() != null) {
                contentType = "application/json";
                operation.body().properties().forEach((name, shape) -> {
                    if (operation.body().required().contains(name)
                            || (!shape.type().equals("array") && random.nextBoolean())) {
                        body.put(name, inputs.validField(operation, name, shape));
                    }
                });
            }
        }

        RawHttp.Request build() {
            String target = operation.path();
            for (Map.Entry<String, String> param : path.entrySet()) {
                target = target.replace("{" + param.getKey() + "}", param.getValue());
            }
            List<String> pairs = new ArrayList<>();
            query.forEach((name, value) -> pairs.add(name + "=" + value));
            if (extraQuery != null) {
                pairs.add(extraQuery);
            }
            if (!pairs.isEmpty()) {
                target += "?" + String.join("&", pairs);
            }
            Map<String, String> all = new LinkedHashMap<>();
            if (authorization != null) {
                all.put("Authorization", authorization);
            }
            if (contentType != null) {
                all.put("Content-Type", contentType);
            }
            all.putAll(headers);
            byte[] bytes = rawBody != null ? rawBody
                    : operation.body() != null ? Inputs.object(body).getBytes(StandardCharsets.UTF_8) : null;
            return new RawHttp.Request(operation.method(), target, all, bytes);
        }
    }
}
