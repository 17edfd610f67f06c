package org.reserveledger.api.audit;

import org.reserveledger.projections.audit.ChainAnchor;
import org.reserveledger.projections.audit.ChainEncoding;
import org.reserveledger.projections.audit.ChainVerification;
import org.reserveledger.projections.audit.ChainWalk;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline verifier an auditor runs on an export, without the service or its database:
 * {@code java -jar reserve-api.jar verify-export <file|-> [--anchor=<position>:<hash>]}. It recomputes
 * the chain line by line and prints the same figures as {@code GET /api/v1/audit/verify}; the exit
 * status is 0 when the export verifies, 1 when it does not, 2 when it cannot be read.
 */
public final class ExportVerifier {

    public static final String COMMAND = "verify-export";

    private static final Pattern ANCHOR = Pattern.compile("--anchor=(\\d+):([0-9a-fA-F]{64})");

    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Verifies an export in constant memory. */
    public ChainVerification verify(InputStream export, ChainAnchor anchor) throws IOException {
        ChainWalk walk = new ChainWalk(anchor, null);
        BufferedReader lines = new BufferedReader(new InputStreamReader(export, StandardCharsets.UTF_8), 64 * 1024);
        int number = 0;
        for (String text = lines.readLine(); text != null; text = lines.readLine()) {
            number++;
            if (text.isBlank()) {
                continue;
            }
            ExportLine line;
            try {
                line = json.readValue(text, ExportLine.class);
            } catch (JacksonException | IllegalArgumentException e) {
                throw new IOException("line " + number + " is not an export line: " + e.getMessage(), e);
            }
            walk.link(line.chainSequence(), line.position(), ChainEncoding.fromHex(line.hash()), line.event(), null);
        }
        return walk.result();
    }

    public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        if (args.length < 2 || args.length > 3) {
            err.println("usage: java -jar reserve-api.jar verify-export <export.ndjson|-> [--anchor=<position>:<hash>]");
            return 2;
        }
        ChainAnchor anchor = null;
        if (args.length == 3) {
            Matcher matcher = ANCHOR.matcher(args[2]);
            if (!matcher.matches()) {
                err.println("an anchor is --anchor=<position>:<64 hex digits>");
                return 2;
            }
            anchor = new ChainAnchor(Long.parseLong(matcher.group(1)), ChainEncoding.fromHex(matcher.group(2)));
        }
        try (InputStream in = "-".equals(args[1]) ? stdin : Files.newInputStream(Path.of(args[1]))) {
            ChainVerification result = new ExportVerifier().verify(in, anchor);
            out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(result));
            return result.ok() ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            err.println("cannot verify " + args[1] + ": " + e.getMessage());
            return 2;
        }
    }
}
