package io.jenkins.plugins.devsecops.iac;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Checkov check ids equivalent to each built-in IaC rule, read from {@code checkov-ids.tsv} beside this class:
 * one line per rule, {@code rule-id<TAB>CKV_ID[,CKV_ID...]}. Lines starting with {@code #} and blank lines are
 * ignored. A malformed line is recorded as a {@link #problems() problem} (a test keeps the shipped file free of them)
 * and never stops a scan.
 */
public final class CheckovIds {

    static final String RESOURCE = "checkov-ids.tsv";
    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern CHECK_ID = Pattern.compile("CKV2?_[A-Z0-9]+_\\d+");
    private static final CheckovIds BUILT_IN = load();

    private final Map<String, List<String>> byRule;
    private final List<String> problems;

    private CheckovIds(Map<String, List<String>> byRule, List<String> problems) {
        this.byRule = byRule;
        this.problems = List.copyOf(problems);
    }

    /** The ids shipped with the engine. */
    public static CheckovIds builtIn() {
        return BUILT_IN;
    }

    private static CheckovIds load() {
        try (InputStream in = CheckovIds.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return parse("");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the table; malformed and duplicate lines are kept out and listed in {@link #problems()}. */
    static CheckovIds parse(String text) {
        Map<String, List<String>> byRule = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (columns.length != 2 || !RULE_ID.matcher(columns[0]).matches()) {
                problems.add("line " + (i + 1) + ": expected rule-id<TAB>CKV_ID[,CKV_ID...]");
                continue;
            }
            List<String> ids = Arrays.asList(columns[1].split(",", -1));
            if (!ids.stream().allMatch(id -> CHECK_ID.matcher(id).matches())) {
                problems.add("line " + (i + 1) + ": malformed Checkov id list '" + columns[1] + "'");
                continue;
            }
            if (byRule.putIfAbsent(columns[0], List.copyOf(ids)) != null) {
                problems.add("line " + (i + 1) + ": rule " + columns[0] + " is listed twice");
            }
        }
        return new CheckovIds(byRule, problems);
    }

    /** The Checkov ids of rule {@code ruleId}, empty when it has none. */
    public List<String> of(String ruleId) {
        return byRule.getOrDefault(ruleId, List.of());
    }

    /** Every rule id that has Checkov ids. */
    public List<String> ruleIds() {
        return List.copyOf(byRule.keySet());
    }

    /** What was wrong with the table, one message per line. */
    public List<String> problems() {
        return problems;
    }
}
