package io.jenkins.plugins.devsecops.iac.rule;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.model.IacPlatform;
import io.jenkins.plugins.devsecops.iac.model.IacResource;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Building blocks shared by the resource rule sets: typed rule factories and common attribute tests. */
public final class ResourceRules {

    /** Addresses that mean "the whole internet". */
    public static final Set<String> OPEN_CIDRS = Set.of("0.0.0.0/0", "::/0", "*", "internet", "any", "0.0.0.0");

    /** What {@code types.split("\\s*,\\s*")} compiled twice at each of the catalog's rules. */
    private static final Pattern TYPE_SEPARATOR = Pattern.compile("\\s*,\\s*");

    private ResourceRules() {
    }

    /**
     * A rule about resources of the given types.
     *
     * @param types comma-separated resource types or kinds the rule applies to
     */
    public static IacRule rule(String id, IacPlatform platform, Severity severity, String cwe, String title,
            String remediation, String types, ResourceCheck check) {
        String[] listed = TYPE_SEPARATOR.split(types);
        Set<String> wanted = Set.of(listed);
        return IacRule.builder(id, platform).severity(severity).cwe(cwe).title(title).remediation(remediation)
                .appliesTo(String.join(", ", listed))
                .resourceTypes(wanted)
                .check((target, hits) -> {
                    if (target instanceof ResourceTarget resourceTarget
                            && resourceTarget.resource().platform() == platform
                            && wanted.contains(resourceTarget.resource().type())) {
                        check.check(resourceTarget.resource(), resourceTarget, hits);
                    }
                });
    }

    /** Fires when the scalar at {@code path} equals one of {@code values}, ignoring case. */
    public static ResourceCheck equalsAny(String path, String detail, String... values) {
        return (resource, target, hits) -> {
            for (IacNode.Scalar scalar : resource.body().scalars(path)) {
                for (String value : values) {
                    if (scalar.isLiteral() && scalar.text().equalsIgnoreCase(value)) {
                        hits.at(resource, scalar, path, detail);
                    }
                }
            }
        };
    }

    /** Fires when the attribute at {@code path} is absent, or present and not {@code true}. */
    public static ResourceCheck notTrue(String path, String detail) {
        return (resource, target, hits) -> {
            List<IacNode> found = resource.body().all(path);
            if (found.isEmpty()) {
                hits.missing(resource, path, detail + " (" + path + " is not set)");
                return;
            }
            for (IacNode node : found) {
                if (node instanceof IacNode.Scalar scalar && scalar.isFalse()) {
                    hits.at(resource, scalar, path, detail);
                }
            }
        };
    }

    /** Fires when the scalar at {@code path} is {@code true}. */
    public static ResourceCheck isTrue(String path, String detail) {
        return (resource, target, hits) -> {
            for (IacNode.Scalar scalar : resource.body().scalars(path)) {
                if (scalar.isTrue()) {
                    hits.at(resource, scalar, path, detail);
                }
            }
        };
    }

    /** Fires when the scalar at {@code path} is {@code false}; absence is fine (secure default). */
    public static ResourceCheck isFalse(String path, String detail) {
        return (resource, target, hits) -> {
            for (IacNode.Scalar scalar : resource.body().scalars(path)) {
                if (scalar.isFalse()) {
                    hits.at(resource, scalar, path, detail);
                }
            }
        };
    }

    /** Fires when nothing is at {@code path}. */
    public static ResourceCheck missing(String path, String detail) {
        return (resource, target, hits) -> {
            if (!resource.body().present(path)) {
                hits.missing(resource, path, detail);
            }
        };
    }

    /** Fires when {@code path} is absent or set to a false or empty value. */
    public static ResourceCheck missingOrEmpty(String path, String detail) {
        return (resource, target, hits) -> {
            List<IacNode> found = resource.body().all(path);
            if (found.isEmpty()) {
                hits.missing(resource, path, detail);
                return;
            }
            for (IacNode node : found) {
                if (node instanceof IacNode.Scalar scalar && scalar.isLiteral()
                        && (scalar.text().isBlank() || scalar.isFalse() || scalar.kind() == IacNode.ScalarKind.NULL)) {
                    hits.at(resource, scalar, path, detail);
                }
            }
        };
    }

    /** Whether a scalar is an address meaning "anywhere". */
    public static boolean isOpenCidr(IacNode.Scalar scalar) {
        return scalar.isLiteral() && OPEN_CIDRS.contains(scalar.text().trim().toLowerCase(Locale.ROOT));
    }

    /** The number of a scalar, if it is a literal number. */
    public static Optional<Long> number(IacNode.Scalar scalar) {
        if (!scalar.isLiteral()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(scalar.text().trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The number at {@code key} of a mapping, or {@code fallback}. */
    public static long numberAt(IacNode.Mapping mapping, String key, long fallback) {
        return mapping.scalar(key).flatMap(ResourceRules::number).orElse(fallback);
    }

    /** Whether a port range {@code from..to} includes {@code port}. */
    public static boolean covers(long from, long to, int port) {
        return from <= port && port <= to;
    }

    /** Whether another resource of the unit refers to {@code resource} (by address or name) at {@code path}. */
    public static Optional<IacResource> companion(ResourceTarget target, IacResource resource, String type,
            String path) {
        for (IacResource other : target.ofType(type)) {
            for (IacNode.Scalar scalar : other.body().scalars(path)) {
                if (refersTo(scalar.text(), resource)) {
                    return Optional.of(other);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether an expression refers to a resource, e.g. {@code aws_s3_bucket.data.id} refers to {@code aws_s3_bucket.data}. */
    public static boolean refersTo(String expression, IacResource resource) {
        String prefix = resource.type() + "." + resource.name();
        return expression.equals(prefix) || expression.startsWith(prefix + ".") || expression.startsWith(prefix + "[")
                || expression.equals(resource.name());
    }
}
