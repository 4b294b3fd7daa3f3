package io.jenkins.plugins.devsecops.imports;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.ToolInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SpotBugs (and FindBugs) XML, with or without the FindSecBugs plugin. Only security bugs are imported:
 * categories {@code SECURITY} and {@code MALICIOUS_CODE}, and any bug with a CWE id; the others are counted.
 * Severity by bug rank: 1–9 (scariest, scary) → HIGH, 10–14 (troubling) → MEDIUM, 15–20 (of concern) → LOW;
 * without a rank by priority: 1 → HIGH, 2 → MEDIUM, 3 → LOW, else INFO. Source paths (relative to a source
 * directory) are resolved against the project's {@code SrcDir} entries and the usual Maven/Gradle layouts.
 */
final class SpotBugsParser implements ReportParser {

    private static final String ROOT = "/BugCollection";
    private static final String BUG = ROOT + "/BugInstance";
    private static final String PATTERN = ROOT + "/BugPattern";
    private static final String PROJECT = ROOT + "/Project";
    private static final Set<String> SECURITY_CATEGORIES = Set.of("SECURITY", "MALICIOUS_CODE");
    private static final List<String> SOURCE_ROOTS = List.of("src/main/java/", "src/test/java/", "src/main/kotlin/",
            "src/", "");

    private record Pending(Finding.Builder builder, String type, String sourcePath, int startLine, int endLine,
            boolean hasCwe) {
    }

    @Override
    public String format() {
        return "spotbugs";
    }

    @Override
    public String displayName() {
        return "SpotBugs / FindSecBugs XML";
    }

    @Override
    public boolean recognizes(String head) {
        return head.contains("<BugCollection");
    }

    @Override
    public void parse(InputStream in, ImportContext context) throws IOException {
        List<Pending> pending = new ArrayList<>();
        Map<String, XmlElement> patterns = new HashMap<>();
        List<String> sourceDirs = new ArrayList<>();
        String[] version = new String[1];
        int[] skipped = new int[1];
        boolean[] root = new boolean[1];
        new XmlRecordReader(Set.of(BUG, PATTERN, PROJECT), context.budget()).read(in, new XmlRecordReader.RecordHandler() {
            @Override
            public void record(String path, XmlElement element) {
                switch (path) {
                    case BUG -> {
                        Pending bug = bug(element, context);
                        if (bug == null) {
                            skipped[0]++;
                        } else {
                            pending.add(bug);
                        }
                    }
                    case PATTERN -> {
                        if (element.attribute("type") != null && patterns.size() < 10_000) {
                            patterns.put(element.attribute("type"), element);
                        }
                    }
                    default -> element.children("SrcDir").forEach(dir -> sourceDirs.add(dir.text().trim()));
                }
            }

            @Override
            public void started(String path, Map<String, String> attributes) {
                if (path.equals(ROOT)) {
                    root[0] = true;
                    version[0] = attributes.get("version");
                }
            }
        });
        if (!root[0]) {
            throw new IOException("Not a SpotBugs report: the root element is not BugCollection");
        }
        if (skipped[0] > 0) {
            context.warning(skipped[0] + " SpotBugs bugs outside the security categories were not imported");
        }
        ToolInfo tool = new ToolInfo("SpotBugs", version[0]);
        Map<String, String> resolved = new HashMap<>();
        for (Pending bug : pending) {
            if (bug.sourcePath() != null) {
                String path = resolved.computeIfAbsent(bug.sourcePath(), p -> resolveSource(p, sourceDirs, context));
                if (path != null) {
                    bug.builder().location(new Location(path, bug.startLine(), 0, bug.endLine(), 0, null));
                }
            }
            XmlElement pattern = patterns.get(bug.type());
            Finding.Builder builder = bug.builder().tool(tool);
            if (pattern != null) {
                if (!bug.hasCwe() && pattern.attribute("cweid") != null) {
                    builder.cwe(SecurityIds.cwe(pattern.attribute("cweid")));
                }
                builder.remediation(PlainText.fromHtml(pattern.childText("Details"), PlainText.TEXT_LIMIT));
                String description = pattern.childText("ShortDescription");
                if (description != null) {
                    builder.property("pattern", PlainText.clip(description, 300));
                }
            }
            context.add(builder);
        }
    }

    private static Pending bug(XmlElement bug, ImportContext context) {
        String type = bug.attribute("type");
        String category = bug.attribute("category");
        String cwe = bug.attribute("cweid");
        boolean hasCwe = cwe != null && !cwe.equals("0");
        if (type == null || !(SECURITY_CATEGORIES.contains(category) || hasCwe)) {
            return null;
        }
        String shortMessage = bug.childText("ShortMessage");
        String longMessage = bug.childText("LongMessage");
        Finding.Builder builder = context.finding(null, FindingKind.CODE)
                .ruleId(type)
                .title(PlainText.clip(shortMessage == null ? type : shortMessage, PlainText.TITLE_LIMIT))
                .message(PlainText.clip(longMessage, PlainText.TEXT_LIMIT))
                .severity(severity(bug.attribute("rank"), bug.attribute("priority")))
                .property("category", category);
        if (hasCwe) {
            builder.cwe(SecurityIds.cwe(cwe));
        }
        XmlElement line = primarySourceLine(bug);
        String sourcePath = null;
        int start = 0;
        int end = 0;
        if (line != null) {
            start = integer(line.attribute("start"));
            end = integer(line.attribute("end"));
            sourcePath = line.attribute("sourcepath");
            builder.property("class", PlainText.clip(line.attribute("classname"), 300));
        }
        String hash = bug.attribute("instanceHash");
        if (hash != null) {
            builder.fingerprint(ImportContext.toolFingerprint("SpotBugs", type,
                    hash + ":" + bug.attribute("instanceOccurrenceNum")));
        }
        return new Pending(builder, type, sourcePath, start, end, hasCwe);
    }

    private static XmlElement primarySourceLine(XmlElement bug) {
        XmlElement fallback = null;
        for (XmlElement child : bug.children()) {
            if (child.name().equals("SourceLine")) {
                if ("true".equals(child.attribute("primary"))) {
                    return child;
                }
                fallback = fallback == null ? child : fallback;
            }
        }
        if (fallback != null) {
            return fallback;
        }
        for (String holder : List.of("Method", "Class")) {
            for (XmlElement child : bug.children(holder)) {
                if ("true".equals(child.attribute("primary")) && child.child("SourceLine") != null) {
                    return child.child("SourceLine");
                }
            }
        }
        XmlElement classElement = bug.child("Class");
        return classElement == null ? null : classElement.child("SourceLine");
    }

    private static Severity severity(String rank, String priority) {
        int value = integer(rank);
        if (value > 0) {
            if (value <= 9) {
                return Severity.HIGH;
            }
            return value <= 14 ? Severity.MEDIUM : Severity.LOW;
        }
        return switch (integer(priority)) {
            case 1 -> Severity.HIGH;
            case 2 -> Severity.MEDIUM;
            case 3 -> Severity.LOW;
            default -> Severity.INFO;
        };
    }

    private static int integer(String text) {
        if (text == null) {
            return 0;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The path relative to the scan root of a source file SpotBugs names relative to a source directory. */
    static String resolveSource(String sourcePath, List<String> sourceDirs, ImportContext context) {
        Path root = context.paths().root();
        for (String dir : sourceDirs) {
            try {
                Path candidate = Path.of(dir).resolve(sourcePath).normalize();
                if (candidate.isAbsolute() && candidate.startsWith(root) && Files.isRegularFile(candidate)) {
                    return root.relativize(candidate).toString().replace('\\', '/');
                }
            } catch (RuntimeException e) {
                // an unusable SrcDir entry: try the next one
            }
        }
        for (String prefix : SOURCE_ROOTS) {
            Path candidate = root.resolve(prefix + sourcePath).normalize();
            if (candidate.startsWith(root) && Files.isRegularFile(candidate)) {
                return root.relativize(candidate).toString().replace('\\', '/');
            }
        }
        return context.paths().relativize(sourcePath);
    }
}
