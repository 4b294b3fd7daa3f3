package io.jenkins.plugins.devsecops.iac.rule;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.model.IacResource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * More attribute tests for resource rules, beyond {@link ResourceRules}: value sets, numeric limits, open
 * addresses, literal secrets and combinations. Every test is quiet on values it cannot know (expressions).
 */
public final class AttributeChecks {

    private AttributeChecks() {
    }

    /** Fires when the scalar at {@code path} is absent or not one of {@code allowed} (case-insensitive). */
    public static ResourceCheck requireOneOf(String path, String detail, String... allowed) {
        Set<String> wanted = lowerSet(allowed);
        return (r, t, h) -> {
            List<IacNode.Scalar> found = r.body().scalars(path);
            if (found.isEmpty() && !r.body().present(path)) {
                h.missing(r, path, detail + " (" + path + " is not set)");
            }
            for (IacNode.Scalar s : found) {
                if (s.isLiteral() && !wanted.contains(s.lower().trim())) {
                    h.at(r, s, path, detail + " (" + path + " is " + s.text() + ")");
                }
            }
        };
    }

    /** Fires when the scalar at {@code path} is absent or blank. */
    public static ResourceCheck notBlank(String path, String detail) {
        return (r, t, h) -> {
            List<IacNode.Scalar> found = r.body().scalars(path);
            if (found.isEmpty() && !r.body().present(path)) {
                h.missing(r, path, detail + " (" + path + " is not set)");
            }
            for (IacNode.Scalar s : found) {
                if (s.isLiteral() && s.text().isBlank()) {
                    h.at(r, s, path, detail + " (" + path + " is empty)");
                }
            }
        };
    }

    /** Fires when the scalar at {@code path} is absent (the default is on) or is not {@code false}. */
    public static ResourceCheck requireFalse(String path, String detail) {
        return (r, t, h) -> {
            List<IacNode.Scalar> found = r.body().scalars(path);
            if (found.isEmpty() && !r.body().present(path)) {
                h.missing(r, path, detail + " (" + path + " defaults to true)");
            }
            for (IacNode.Scalar s : found) {
                if (s.isTrue()) {
                    h.at(r, s, path, detail);
                }
            }
        };
    }

    /** Runs {@code check} on the first of {@code paths} present, or on the first path when none is. */
    public static ResourceCheck anyOf(java.util.function.Function<String, ResourceCheck> check, String... paths) {
        return (r, t, h) -> {
            for (String path : paths) {
                if (r.body().present(path)) {
                    check.apply(path).check(r, t, h);
                    return;
                }
            }
            check.apply(paths[0]).check(r, t, h);
        };
    }

    /** Fires when the scalar at {@code path} is present, literal and not one of {@code allowed}; absence is fine. */
    public static ResourceCheck ifSetOneOf(String path, String detail, String... allowed) {
        Set<String> wanted = lowerSet(allowed);
        return (r, t, h) -> {
            for (IacNode.Scalar s : r.body().scalars(path)) {
                if (s.isLiteral() && !wanted.contains(s.lower().trim())) {
                    h.at(r, s, path, detail + " (" + path + " is " + s.text() + ")");
                }
            }
        };
    }

    /**
     * Reports each {@code {name, value}} entry (an ECS environment variable, say) whose name says it holds a secret
     * and whose value is a literal secret, at the value.
     */
    public static void literalSecretEntries(IacResource resource, List<IacNode.Mapping> entries, String nameKey,
            String valueKey, String attribute, RuleHits hits) {
        for (IacNode.Mapping entry : entries) {
            Optional<String> name = entry.text(nameKey);
            Optional<IacNode.Scalar> value = entry.scalar(valueKey);
            if (name.isPresent() && PolicyDocuments.isSecretName(name.get()) && value.isPresent()
                    && PolicyDocuments.isLiteralSecret(value.get())) {
                hits.secretAt(resource, value.get(), attribute, name.get() + " is a literal value");
            }
        }
    }

    /** Fires on each block at {@code path} whose {@code key} is absent or, as a literal, not exactly {@code expected}. */
    public static ResourceCheck eachBlockRequires(String path, String key, String expected, String detail) {
        return (r, t, h) -> {
            for (IacNode.Mapping block : r.body().mappings(path)) {
                Optional<IacNode.Scalar> value = block.scalar(key);
                if (value.isEmpty() || value.get().isLiteral() && !value.get().text().equals(expected)) {
                    h.at(r, value.isPresent() ? value.get() : block, path + "." + key, detail);
                }
            }
        };
    }

    /**
     * Fires when no {@code {name, value}} block at {@code path} names the setting {@code name} with a value other
     * than {@code off} (ECS Container Insights, say).
     */
    public static ResourceCheck namedSettingOn(String path, String nameKey, String name, String valueKey, String off,
            String missingAttribute, String detail) {
        return (r, t, h) -> {
            boolean on = r.body().mappings(path).stream()
                    .anyMatch(s -> s.text(nameKey).filter(name::equals).isPresent()
                            && s.text(valueKey).filter(v -> !v.equals(off)).isPresent());
            if (!on) {
                h.missing(r, missingAttribute, detail);
            }
        };
    }

    /** Fires when the scalar at {@code path} is absent (and absence is bad) or, as text, matches {@code bad}. */
    public static ResourceCheck textMatches(String path, String regex, boolean absentIsBad, String detail) {
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(regex,
                java.util.regex.Pattern.CASE_INSENSITIVE);
        return (r, t, h) -> {
            List<IacNode.Scalar> found = r.body().scalars(path);
            if (found.isEmpty() && absentIsBad && !r.body().present(path)) {
                h.missing(r, path, detail + " (" + path + " is not set)");
            }
            for (IacNode.Scalar s : found) {
                if (s.isLiteral() && pattern.matcher(s.text().trim()).matches()) {
                    h.at(r, s, path, detail);
                }
            }
        };
    }

    /** Fires when the number at {@code path} is below {@code min}; when absent, {@code fallback} is assumed. */
    public static ResourceCheck atLeast(String path, long min, long fallback, String detail) {
        return (r, t, h) -> {
            List<IacNode.Scalar> found = r.body().scalars(path);
            if (found.isEmpty()) {
                if (!r.body().present(path) && fallback < min) {
                    h.missing(r, path, detail + " (" + path + " is not set)");
                }
                return;
            }
            for (IacNode.Scalar s : found) {
                Optional<Long> n = ResourceRules.number(s);
                if (n.isPresent() && n.get() < min) {
                    h.at(r, s, path, detail + " (" + path + " is " + n.get() + ")");
                }
            }
        };
    }

    /** Fires when the number at {@code path} is above {@code max}; when absent, {@code fallback} is assumed. */
    public static ResourceCheck atMost(String path, long max, long fallback, String detail) {
        return (r, t, h) -> {
            List<IacNode.Scalar> found = r.body().scalars(path);
            if (found.isEmpty()) {
                if (!r.body().present(path) && fallback > max) {
                    h.missing(r, path, detail + " (" + path + " is not set)");
                }
                return;
            }
            for (IacNode.Scalar s : found) {
                Optional<Long> n = ResourceRules.number(s);
                if (n.isPresent() && n.get() > max) {
                    h.at(r, s, path, detail + " (" + path + " is " + n.get() + ")");
                }
            }
        };
    }

    /** Fires on every literal address at {@code path} that means the whole internet. */
    public static ResourceCheck openCidr(String path, String detail) {
        return (r, t, h) -> {
            for (IacNode.Scalar s : r.body().scalars(path)) {
                if (ResourceRules.isOpenCidr(s)) {
                    h.at(r, s, path, detail + " (" + s.text() + ")");
                }
            }
        };
    }

    /** Fires on each scalar at one of {@code paths} that holds a literal secret. */
    public static ResourceCheck literalSecret(String detail, String... paths) {
        return (r, t, h) -> {
            for (String path : paths) {
                for (IacNode.Scalar s : r.body().scalars(path)) {
                    if (PolicyDocuments.isLiteralSecret(s)) {
                        h.secretAt(r, s, path, detail + " (" + path + " is a literal)");
                    }
                }
            }
        };
    }

    /** Fires on every entry of the mappings at {@code path} whose name suggests a secret and whose value is a literal. */
    public static ResourceCheck secretEntries(String path) {
        return (r, t, h) -> {
            for (IacNode.Mapping map : r.body().mappings(path)) {
                for (Map.Entry<String, IacNode> entry : map.entries().entrySet()) {
                    if (PolicyDocuments.isSecretName(entry.getKey()) && entry.getValue() instanceof IacNode.Scalar v
                            && PolicyDocuments.isLiteralSecret(v)) {
                        h.secretAt(r, v, path + "." + entry.getKey(), entry.getKey() + " is a literal value");
                    }
                }
            }
        };
    }

    /** Runs {@code check} only on resources for which {@code when} holds. */
    public static ResourceCheck when(Predicate<IacResource> when, ResourceCheck check) {
        return (r, t, h) -> {
            if (when.test(r)) {
                check.check(r, t, h);
            }
        };
    }

    /** Whether the scalar at {@code path} matches one of {@code values} (case-insensitive). */
    public static Predicate<IacResource> textIs(String path, String... values) {
        Set<String> wanted = lowerSet(values);
        return r -> r.body().scalars(path).stream().anyMatch(s -> wanted.contains(s.lower().trim()));
    }

    /** Whether the scalar at {@code path}, as text, starts with one of {@code prefixes} (case-insensitive). */
    public static Predicate<IacResource> textStarts(String path, String... prefixes) {
        return r -> r.body().scalars(path).stream().anyMatch(s -> {
            for (String p : prefixes) {
                if (s.lower().trim().startsWith(p.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Whether anything is at {@code path}. */
    public static Predicate<IacResource> has(String path) {
        return r -> r.body().present(path);
    }

    /** Runs every check in turn. */
    public static ResourceCheck all(ResourceCheck... checks) {
        return (r, t, h) -> {
            for (ResourceCheck check : checks) {
                check.check(r, t, h);
            }
        };
    }

    /** Fires at the resource when it is declared at all: a resource type that should not be used. */
    public static ResourceCheck declared(String detail) {
        return (r, t, h) -> h.missing(r, r.type(), detail);
    }

    /** Fires when none of the resources of {@code type} in the unit refers to this one at {@code path}. */
    public static ResourceCheck noCompanion(String type, String path, String detail) {
        return (r, t, h) -> {
            if (ResourceRules.companion(t, r, type, path).isEmpty()) {
                h.missing(r, type, detail);
            }
        };
    }

    /** Fires when the scalars at {@code path} contain none of {@code values} (absence included). */
    public static ResourceCheck containsNone(String path, String detail, String... values) {
        Set<String> wanted = lowerSet(values);
        return (r, t, h) -> {
            List<IacNode.Scalar> found = r.body().scalars(path);
            if (found.stream().anyMatch(s -> !s.isLiteral())) {
                return;
            }
            if (found.stream().noneMatch(s -> wanted.contains(s.lower().trim()))) {
                Optional<IacNode> at = r.body().first(path);
                if (at.isPresent()) {
                    h.at(r, at.get(), path, detail);
                } else {
                    h.missing(r, path, detail);
                }
            }
        };
    }

    private static Set<String> lowerSet(String... values) {
        return Set.copyOf(java.util.Arrays.stream(values).map(v -> v.toLowerCase(Locale.ROOT)).toList());
    }

    /**
     * The port span a text names: {@code "22"}, {@code "1-65535"}, {@code "8000:8080"}, {@code "all"} or empty (every
     * port); {@code null} when it is not a literal port text.
     */
    public static long[] ports(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("all") || t.equals("*") || t.equals("-1") || t.equals("0")) {
            return new long[] {0, 65535};
        }
        String[] parts = t.split("[-:/]", 2);
        try {
            long from = Long.parseLong(parts[0].trim());
            long to = parts.length > 1 ? Long.parseLong(parts[1].trim()) : from;
            if (from == -1 && to == -1) {
                return new long[] {0, 65535};
            }
            return new long[] {from, to};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether a port span text covers {@code port}, or every port when {@code port} is -2. */
    public static boolean portsCover(String text, int port) {
        long[] span = ports(text);
        if (span == null) {
            return false;
        }
        return port == -2 ? span[0] <= 1 && span[1] >= 65535 : ResourceRules.covers(span[0], span[1], port);
    }
}
