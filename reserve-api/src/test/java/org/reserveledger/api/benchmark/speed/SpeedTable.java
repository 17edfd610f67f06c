package org.reserveledger.api.benchmark.speed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The figures of one run, as a fixed-width table: figure, measured, ratio to the anchor, what it must reach, met. */
final class SpeedTable {

    private final List<String> header = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();

    void note(String line) {
        header.add(line);
        System.out.println("[bench] " + line);
    }

    void row(String figure, String measured, String ratio, String mustReach, Boolean met) {
        rows.add(new String[]{figure, measured, ratio, mustReach, met == null ? "n/a" : met ? "yes" : "NO"});
        System.out.println("[bench] " + figure + ": " + measured + " | " + ratio + " | " + mustReach);
    }

    String render() {
        String[] titles = {"figure", "measured", "ratio", "must reach", "met"};
        int[] widths = new int[titles.length];
        for (int i = 0; i < titles.length; i++) {
            widths[i] = titles[i].length();
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        header.forEach(line -> out.append(line).append('\n'));
        out.append('\n');
        line(out, titles, widths);
        StringBuilder rule = new StringBuilder();
        for (int width : widths) {
            rule.append("-".repeat(width)).append("  ");
        }
        out.append(rule.toString().stripTrailing()).append('\n');
        rows.forEach(row -> line(out, row, widths));
        return out.toString();
    }

    private static void line(StringBuilder out, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            line.append(String.format("%-" + widths[i] + "s  ", cells[i]));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, render());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
