package io.jenkins.plugins.devsecops.imports;

import io.jenkins.plugins.devsecops.scan.ParserErrors;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.FindingList;
import io.jenkins.plugins.devsecops.scan.FindingSink;
import io.jenkins.plugins.devsecops.scan.SourceFile;
import io.jenkins.plugins.devsecops.scan.StageContext;
import io.jenkins.plugins.devsecops.scan.StageScanner;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One import: finds the reports in {@link #finish}, reads each with its parser, merges the findings. A report
 * that cannot be read — too large, of an unknown format, malformed, cut short, hostile — is an error on that
 * file; its partial findings are discarded and the other reports are still imported.
 */
final class ImportScanner implements StageScanner {

    /** The default per-report size limit: 256 MiB. */
    static final long DEFAULT_MAX_REPORT_SIZE = 256L * 1024 * 1024;

    /** Stage property: the import patterns that matched no file, separated by {@code ;}. */
    static final String UNMATCHED = "unmatchedPatterns";

    private static final int HEAD_BYTES = 64 * 1024;

    private final StageContext context;
    private final ReportParsers parsers;
    private final List<ImportPattern> patterns;
    private final long maxReportSize;
    private final boolean merge;
    private final int maxRecords;

    ImportScanner(StageContext context, ReportParsers parsers) {
        this.context = context;
        this.parsers = parsers;
        this.patterns = ImportPattern.parseList(context.option("patterns").orElse(null));
        for (ImportPattern pattern : patterns) {
            if (!parsers.isKnown(pattern.format())) {
                throw new IllegalArgumentException("Unknown import format '" + pattern.format() + "' in '" + pattern
                        + "': known formats are auto, " + String.join(", ", parsers.formats()));
            }
        }
        this.maxReportSize = context.option("maxReportSize").map(ImportScanner::parseSize).orElse(DEFAULT_MAX_REPORT_SIZE);
        this.merge = context.option("merge").map(Boolean::parseBoolean).orElse(true);
        this.maxRecords = (int) Math.min(Integer.MAX_VALUE, context.option("maxEntries").map(ImportScanner::parseSize)
                .orElse((long) RecordBudget.DEFAULT_RECORDS));
    }

    private static long parseSize(String text) {
        try {
            long value = Long.parseLong(text.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("imports.maxReportSize and imports.maxEntries must be positive numbers: '"
                + text + "'");
    }

    @Override
    public boolean accepts(SourceFile file) {
        return false;
    }

    @Override
    public void finish(FindingSink sink) throws IOException, InterruptedException {
        if (patterns.isEmpty()) {
            sink.property("reports", "0");
            return;
        }
        Path root = context.root().toAbsolutePath().normalize();
        List<ImportPattern> relative = relativeToRoot(root, patterns);
        List<ImportPattern> invalid = new ArrayList<>();
        List<ReportLocator.Match> reports = ReportLocator.locate(root.toRealPath(), relative, sink::warning,
                (pattern, message) -> {
                    invalid.add(pattern);
                    sink.error(null, message);
                });
        reportUnmatched(relative, invalid, reports, sink);
        ReportPaths paths = new ReportPaths(root, sink::warning);
        RecordBudget budget = new RecordBudget(maxRecords);
        // the findings of the first report read kept as they are (the usual single report is not copied); from the
        // second on, all of them go to one list that spills beyond FindingList.memoryLimit()
        List<Finding> first = null;
        FindingList.Builder imported = null;
        Map<String, Integer> perTool = new TreeMap<>();
        int read = 0;
        for (ReportLocator.Match report : reports) {
            if (Thread.interrupted()) {
                throw new InterruptedException("Import stopped");
            }
            long skippedBefore = budget.skipped();
            Optional<ImportContext> done = importReport(report, paths, budget, sink);
            if (budget.skipped() > skippedBefore) {
                sink.warning(report.path() + ": the import limit of " + maxRecords + " entries (option imports.maxEntries) "
                        + "was reached; " + (budget.skipped() - skippedBefore) + " entries were not imported");
            }
            if (done.isPresent()) {
                read++;
                ImportContext result = done.get();
                result.warnings().forEach(sink::warning);
                result.perTool().forEach((tool, count) -> perTool.merge(tool, count, Integer::sum));
                if (first == null && imported == null) {
                    first = result.findings();
                } else {
                    if (imported == null) {
                        imported = FindingList.builder().addAll(first);
                        first = null;
                    }
                    imported.addAll(result.findings());
                }
            }
        }
        List<Finding> all = imported != null ? imported.build() : first != null ? first : List.of();
        first = null;
        imported = null;
        List<Finding> findings = merge ? FindingMerger.merge(all)
                : FindingList.map(all, f -> FindingMerger.withDependencyFingerprint(f, false));
        all = null;
        findings.forEach(sink::report);
        sink.property("reports", String.valueOf(read));
        perTool.forEach((tool, count) -> sink.property("imported." + tool, String.valueOf(count)));
        if (merge) {
            sink.property("merged", String.valueOf(perTool.values().stream().mapToInt(Integer::intValue).sum() - findings.size()));
        }
    }

    /**
     * Names each valid pattern that matched no file (an invalid one already has its own error): a stage error (a report the pipeline expected is missing, e.g. its
     * tool did not run), or a warning with {@code imports.allowMissing=true}. Property {@link #UNMATCHED} lists them.
     */
    private void reportUnmatched(List<ImportPattern> relative, List<ImportPattern> invalid,
            List<ReportLocator.Match> reports, FindingSink sink) {
        List<String> unmatched = new ArrayList<>();
        for (int i = 0; i < relative.size(); i++) {
            ImportPattern pattern = relative.get(i);
            if (!invalid.contains(pattern) && reports.stream().noneMatch(match -> match.pattern().equals(pattern))) {
                unmatched.add(patterns.get(i).toString());
            }
        }
        if (unmatched.isEmpty()) {
            return;
        }
        sink.property(UNMATCHED, String.join(";", unmatched));
        boolean allowMissing = context.option("allowMissing").map(Boolean::parseBoolean).orElse(false);
        for (String pattern : unmatched) {
            if (allowMissing) {
                sink.warning("Import pattern '" + pattern + "' matches no file");
            } else {
                sink.error(null, "Import pattern '" + pattern + "' matches no file (imports.allowMissing=true "
                        + "accepts a missing report)");
            }
        }
    }

    /** Globs written as absolute paths inside the root (e.g. {@code $WORKSPACE/build/x.sarif}) made relative. */
    private static List<ImportPattern> relativeToRoot(Path root, List<ImportPattern> patterns) throws IOException {
        List<String> prefixes = List.of(root.toString().replace('\\', '/') + "/",
                root.toRealPath().toString().replace('\\', '/') + "/");
        List<ImportPattern> relative = new ArrayList<>();
        for (ImportPattern pattern : patterns) {
            String glob = pattern.glob().replace('\\', '/');
            for (String prefix : prefixes) {
                if (glob.startsWith(prefix) && glob.length() > prefix.length()) {
                    glob = "/" + glob.substring(prefix.length());
                    break;
                }
            }
            relative.add(glob.equals(pattern.glob()) ? pattern : new ImportPattern(pattern.format(), glob));
        }
        return relative;
    }

    private Optional<ImportContext> importReport(ReportLocator.Match report, ReportPaths paths, RecordBudget budget,
            FindingSink sink) {
        String path = report.path();
        try {
            long size = Files.size(report.file());
            if (size > maxReportSize) {
                sink.error(path, "Report not imported: it is " + size + " bytes, larger than the limit of "
                        + maxReportSize + " bytes (option imports.maxReportSize)");
                return Optional.empty();
            }
            ReportParser parser;
            if (report.pattern().format().equals(ReportParsers.AUTO)) {
                Optional<ReportParser> detected = parsers.detect(head(report.file()));
                if (detected.isEmpty()) {
                    sink.error(path, "Unknown report format: " + path + " is none of " + String.join(", ", parsers.formats())
                            + "; name its format in the pattern, e.g. sarif:" + path);
                    return Optional.empty();
                }
                parser = detected.get();
            } else {
                parser = parsers.find(report.pattern().format()).orElseThrow();
            }
            ImportContext importContext = new ImportContext(path, paths, budget);
            boolean read = false;
            try (InputStream in = new CappedInputStream(new BufferedInputStream(
                    Files.newInputStream(report.file(), LinkOption.NOFOLLOW_LINKS), 64 * 1024), maxReportSize)) {
                parser.parse(in, importContext);
                read = true;
            } finally {
                if (!read) {
                    importContext.discard();
                }
            }
            return Optional.of(importContext);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            sink.error(path, "Report not imported (" + report.pattern().format() + "): " + ParserErrors.message(e));
            return Optional.empty();
        }
    }

    private static String head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(HEAD_BYTES);
            // PowerShell 5 redirects write UTF-16; Jackson and StAX detect it themselves, detection must too
            if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
                return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
            }
            if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
                return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
