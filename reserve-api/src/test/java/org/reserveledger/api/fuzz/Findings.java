package org.reserveledger.api.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every broken rule the fuzzer saw, grouped by cause (the rule, the status, what was changed and the
 * exception the service logged), so that one report lists them all instead of the first alone.
 */
final class Findings {

    private static final int EXAMPLES = 2;
    private static final int INPUTS = 10;

    static final String OUTSIDE_A_REQUEST = "the service logged an error outside a request";

    private final Map<String, Group> groups = new LinkedHashMap<>();
    private int failures;

    void add(FuzzCase fuzzCase, RawHttp.Request request, String rule, int status, String response,
             List<ServiceLog.Entry> log) {
        failures++;
        String cause = cause(log);
        String target = fuzzCase.target();
        // Path and query parameters fail alike whichever one it is; body fields are told apart; an error
        // logged outside a request is one cause whatever request came before it.
        String key = rule.startsWith(OUTSIDE_A_REQUEST) ? rule + " | " + cause
                : rule + " | " + status + " | " + (target.startsWith("path.") ? "path" : target.startsWith("query.")
                ? "query" : target) + " | " + cause;
        Group group = groups.computeIfAbsent(key, k -> new Group(rule, rule.startsWith(OUTSIDE_A_REQUEST) ? 0 : status, cause));
        group.count++;
        group.targets.add(target);
        group.operations.add(fuzzCase.operation().toString());
        if (group.inputs.size() < INPUTS) {
            group.inputs.add(FuzzCase.shorten(fuzzCase.input(), 120));
        }
        if (group.examples.size() < EXAMPLES) {
            group.examples.add(render(request, status, response));
        }
        if (group.log.isEmpty()) {
            log.forEach(entry -> group.log.add(entry.text()));
        }
    }

    /** The service's own handler logs the failure last; errors of an earlier, closed stream may come first. */
    private static String cause(List<ServiceLog.Entry> log) {
        if (log.isEmpty()) {
            return "no error logged";
        }
        return log.stream().filter(entry -> entry.text().startsWith("ERROR org.reserveledger")).findFirst()
                .orElse(log.getLast()).signature();
    }

    boolean isEmpty() {
        return failures == 0;
    }

    int count() {
        return failures;
    }

    List<String> causes() {
        return new ArrayList<>(groups.keySet());
    }

    String report() {
        StringBuilder report = new StringBuilder();
        int number = 0;
        for (Group group : groups.values()) {
            number++;
            report.append("\n#").append(number).append(' ').append(group.rule)
                    .append(group.status == 0 ? "" : " (HTTP " + group.status + ")")
                    .append(" when changing ").append(String.join(", ", group.targets)).append(": ").append(group.count).append(" requests\n")
                    .append("  endpoints: ").append(String.join(", ", group.operations)).append('\n')
                    .append("  inputs: ").append(String.join("  |  ", group.inputs)).append('\n')
                    .append("  cause: ").append(group.cause).append('\n');
            for (String example : group.examples) {
                report.append("  example:\n").append(example.indent(4));
            }
            if (!group.log.isEmpty()) {
                report.append("  service log:\n");
                group.log.stream().limit(3).forEach(text -> report.append(text.indent(4)));
            }
        }
        return report.toString();
    }

    private static String render(RawHttp.Request request, int status, String response) {
        StringBuilder text = new StringBuilder(request.method()).append(' ')
                .append(FuzzCase.shorten(request.target(), 300)).append('\n');
        request.headers().forEach((name, value) -> text.append(name).append(": ")
                .append(FuzzCase.shorten(value, 80)).append('\n'));
        if (request.body() != null) {
            text.append(FuzzCase.shorten(request.bodyText(), 600)).append('\n');
        }
        text.append("-> ").append(status == 0 ? "no answer" : String.valueOf(status)).append(' ')
                .append(FuzzCase.shorten(response, 1500));
        return text.toString();
    }

    private static final class Group {

        private final String rule;
        private final int status;
        private final String cause;
        private final Set<String> targets = new LinkedHashSet<>();
        private final Set<String> operations = new LinkedHashSet<>();
        private final Set<String> inputs = new LinkedHashSet<>();
        private final List<String> examples = new ArrayList<>();
        private final List<String> log = new ArrayList<>();
        private int count;

        Group(String rule, int status, String cause) {
            this.rule = rule;
            this.status = status;
            this.cause = cause;
        }
    }
}
