package io.jenkins.plugins.devsecops.compliance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The built-in frameworks pre-digested: the four YAML files as {@link ComplianceCatalog} reads them, written at build
 * time into one plain text resource ({@link #RESOURCE}) that a scan reads line by line, without the YAML library and
 * its data binding (a third of a small scan's main thread). {@code CatalogDigestTest} fails when the resource is not
 * the digest of the YAML files, and rewrites it when asked to.
 *
 * <p>One line per framework ({@code F}, then id, name, source, mapping) followed by one line per requirement
 * ({@code I}, then id, title, source, basis, CWEs, stages, kinds, rule patterns, {@code true}/{@code false} for
 * advisories, excluded stages, excluded kinds), fields separated by tabs, list entries by spaces, values as the records
 * hold them (normalised by their constructors, which run again on reading).
 */
final class CatalogDigest {

    /** The digest's resource, next to this class. */
    static final String RESOURCE = "catalog.digest";

    private static final char FIELD = '\t';
    private static final String ENTRY = " ";

    private CatalogDigest() {
    }

    /** The frameworks of the digest resource. */
    static List<ComplianceFramework> readResource() {
        try (InputStream in = CatalogDigest.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing compliance resource " + RESOURCE);
            }
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the compliance mapping " + RESOURCE, e);
        }
    }

    /** The frameworks of {@code digest}, as {@link #write} wrote them. */
    static List<ComplianceFramework> read(String digest) {
        List<ComplianceFramework> frameworks = new ArrayList<>();
        String[] framework = null;
        List<ComplianceItem> items = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new StringReader(digest))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] fields = fields(line);
                if (fields[0].equals("F") && fields.length == 5) {
                    if (framework != null) {
                        frameworks.add(framework(framework, items));
                    }
                    framework = fields;
                    items = new ArrayList<>();
                } else if (fields[0].equals("I") && fields.length == 12 && framework != null) {
                    items.add(new ComplianceItem(fields[1], fields[2], fields[3], fields[4], set(fields[5]),
                            set(fields[6]), set(fields[7]), list(fields[8]), Boolean.parseBoolean(fields[9]),
                            set(fields[10]), set(fields[11])));
                } else {
                    throw new IllegalStateException("Malformed line in the compliance digest: " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (framework != null) {
            frameworks.add(framework(framework, items));
        }
        return frameworks;
    }

    /** The digest of {@code frameworks}: the text {@link #read} reads them back from. */
    static String write(List<ComplianceFramework> frameworks) {
        StringBuilder out = new StringBuilder();
        for (ComplianceFramework framework : frameworks) {
            line(out, "F", text(framework.id()), text(framework.name()), text(framework.source()),
                    text(framework.mapping()));
            for (ComplianceItem item : framework.items()) {
                line(out, "I", text(item.id()), text(item.title()), text(item.source()), text(item.basis()),
                        entries(item.cwes()), entries(item.stages()), entries(item.kinds()), entries(item.rules()),
                        Boolean.toString(item.advisories()), entries(item.excludeStages()),
                        entries(item.excludeKinds()));
            }
        }
        return out.toString();
    }

    private static ComplianceFramework framework(String[] fields, List<ComplianceItem> items) {
        return new ComplianceFramework(fields[1], fields[2], fields[3], fields[4], items);
    }

    private static String[] fields(String line) {
        List<String> fields = new ArrayList<>(12);
        int start = 0;
        for (int tab = line.indexOf(FIELD); tab >= 0; tab = line.indexOf(FIELD, start)) {
            fields.add(line.substring(start, tab));
            start = tab + 1;
        }
        fields.add(line.substring(start));
        return fields.toArray(String[]::new);
    }

    private static Set<String> set(String field) {
        return new TreeSet<>(list(field));
    }

    private static List<String> list(String field) {
        return field.isEmpty() ? List.of() : Arrays.asList(field.split(ENTRY));
    }

    private static void line(StringBuilder out, String kind, String... fields) {
        out.append(kind);
        for (String field : fields) {
            out.append(FIELD).append(field);
        }
        out.append('\n');
    }

    /** A text value, refused if it holds what separates fields or lines (the YAML files have no such value). */
    private static String text(String value) {
        if (value.indexOf(FIELD) >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("A compliance value holds a tab or a line break: " + value);
        }
        return value;
    }

    /** List entries in order (sets sorted), refused if one is empty or holds white space. */
    private static String entries(Collection<String> values) {
        List<String> ordered = values instanceof Set<String> set ? new ArrayList<>(new TreeSet<>(set))
                : new ArrayList<>(values);
        for (String value : ordered) {
            if (value.isEmpty() || !value.strip().equals(value) || value.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("A compliance list entry is empty or holds white space: '"
                        + value + "'");
            }
        }
        return String.join(ENTRY, ordered);
    }
}
