package io.jenkins.plugins.devsecops.compliance;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A standard or list findings are related to, e.g. OWASP Top 10 2021 or PCI DSS v4.0, with its requirements in the
 * standard's order.
 *
 * @param id the id gates and URLs name it by, e.g. {@code PCI-DSS-4.0}
 * @param name its display name
 * @param source the address of the official text
 * @param mapping how findings are related to it: the official CWE lists, or this engine's own mapping
 * @param items its requirements, ids unique (case-insensitive)
 */
public record ComplianceFramework(String id, String name, String source, String mapping, List<ComplianceItem> items) {

    public ComplianceFramework {
        if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9.-]*")) {
            throw new IllegalArgumentException("A framework id is letters, digits, dots and dashes: " + id);
        }
        if (name == null || name.isBlank() || source == null || !source.startsWith("https://")) {
            throw new IllegalArgumentException("Framework " + id + " needs a name and the https address of its source");
        }
        mapping = mapping == null ? "" : mapping.strip();
        items = List.copyOf(items == null ? List.of() : items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("Framework " + id + " has no requirement");
        }
        Set<String> ids = new HashSet<>();
        for (ComplianceItem item : items) {
            if (item.id().contains(":") || !ids.add(item.id().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("Framework " + id + ": duplicate or invalid requirement id "
                        + item.id());
            }
        }
    }

    /** The requirement with {@code itemId} (case-insensitive). */
    public Optional<ComplianceItem> item(String itemId) {
        return items.stream().filter(i -> i.id().equalsIgnoreCase(itemId.trim())).findFirst();
    }

    /** The requirement ids, in order. */
    public List<String> itemIds() {
        return items.stream().map(ComplianceItem::id).toList();
    }
}
