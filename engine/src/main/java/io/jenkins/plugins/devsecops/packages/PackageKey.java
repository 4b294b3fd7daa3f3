package io.jenkins.plugins.devsecops.packages;

import java.util.Objects;

/**
 * A package's identity for advisory lookups: its ecosystem and its name normalized as the ecosystem compares names
 * ({@link Ecosystem#normalizeName}).
 */
public record PackageKey(Ecosystem ecosystem, String name) {

    public PackageKey {
        Objects.requireNonNull(ecosystem, "ecosystem");
        Objects.requireNonNull(name, "name");
    }

    /** The key of {@code name} in {@code ecosystem}, normalizing the name. */
    public static PackageKey of(Ecosystem ecosystem, String name) {
        return new PackageKey(ecosystem, ecosystem.normalizeName(name));
    }

    @Override
    public String toString() {
        return ecosystem.osvName() + "/" + name;
    }
}
