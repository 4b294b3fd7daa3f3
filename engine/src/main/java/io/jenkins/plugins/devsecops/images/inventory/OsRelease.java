package io.jenkins.plugins.devsecops.images.inventory;

import io.jenkins.plugins.devsecops.packages.Ecosystem;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The distribution of an image, from {@code /etc/os-release} (or {@code /usr/lib/os-release}): which OSV ecosystem
 * its OS packages belong to and which of that ecosystem's releases ({@code Debian:12}, {@code Alpine:v3.20}) apply.
 *
 * @param id {@code ID}, e.g. {@code debian}
 * @param versionId {@code VERSION_ID}, e.g. {@code 12}, or empty
 * @param prettyName {@code PRETTY_NAME}
 * @param idLike {@code ID_LIKE}
 */
public record OsRelease(String id, String versionId, String prettyName, String idLike) {

    /** Parses an os-release file. */
    public static OsRelease parse(byte[] content) {
        Map<String, String> values = new HashMap<>();
        for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
            int equals = line.indexOf('=');
            if (equals <= 0 || line.startsWith("#")) {
                continue;
            }
            String value = line.substring(equals + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            values.put(line.substring(0, equals).strip(), value);
        }
        return new OsRelease(values.getOrDefault("ID", "").toLowerCase(Locale.ROOT), values.getOrDefault("VERSION_ID", ""),
                values.getOrDefault("PRETTY_NAME", ""), values.getOrDefault("ID_LIKE", "").toLowerCase(Locale.ROOT));
    }

    /** The OSV ecosystem of the distribution's packages, if it is one we match. */
    public Optional<Ecosystem> ecosystem() {
        return Optional.ofNullable(switch (id) {
            case "debian" -> Ecosystem.DEBIAN;
            case "ubuntu" -> Ecosystem.UBUNTU;
            case "alpine" -> Ecosystem.ALPINE;
            case "wolfi", "chainguard" -> Ecosystem.WOLFI;
            case "rhel" -> Ecosystem.RED_HAT;
            case "rocky" -> Ecosystem.ROCKY;
            case "almalinux" -> Ecosystem.ALMA;
            case "sles", "sled", "sle-micro" -> Ecosystem.SUSE;
            case "opensuse-leap", "opensuse-tumbleweed", "opensuse" -> Ecosystem.OPENSUSE;
            default -> null;
        });
    }

    /** The major version: {@code 9} of {@code 9.4}. */
    String major() {
        int dot = versionId.indexOf('.');
        return dot < 0 ? versionId : versionId.substring(0, dot);
    }

    /** The major.minor version: {@code 3.20} of {@code 3.20.3}. */
    String majorMinor() {
        String[] parts = versionId.split("\\.");
        return parts.length >= 2 ? parts[0] + "." + parts[1] : versionId;
    }

    /** The distro qualifier of package URLs, e.g. {@code debian-12}, {@code alpine-3.20.3}. */
    public String purlDistro() {
        return versionId.isEmpty() ? id : id + "-" + versionId;
    }

    /** The ecosystem to ask the OSV API for, e.g. {@code Debian:12}, {@code Alpine:v3.20}, {@code Ubuntu:22.04:LTS}. */
    public String queryEcosystem() {
        Ecosystem ecosystem = ecosystem().orElseThrow();
        return switch (ecosystem) {
            case DEBIAN -> "Debian:" + major();
            case ALPINE -> "Alpine:v" + majorMinor();
            case UBUNTU -> "Ubuntu:" + versionId + (isUbuntuLts() ? ":LTS" : "");
            case ROCKY, ALMA -> ecosystem.osvName() + ":" + major();
            case OPENSUSE -> id.equals("opensuse-tumbleweed") ? "openSUSE:Tumbleweed"
                    : versionId.isEmpty() ? ecosystem.osvName() : "openSUSE:Leap " + versionId;
            case SUSE -> versionId.isEmpty() ? ecosystem.osvName() : "SUSE:" + suseProduct() + " " + suseRelease();
            default -> ecosystem.osvName();
        };
    }

    /** The product as SUSE's OSV ecosystems name it, from the os-release ID. */
    private String suseProduct() {
        return switch (id) {
            case "sled" -> "Linux Enterprise Desktop";
            case "sle-micro" -> "Linux Enterprise Micro";
            default -> "Linux Enterprise Server";
        };
    }

    /** SUSE's name of a release: {@code 15 SP5} of VERSION_ID {@code 15.5}, {@code 15} of {@code 15}; Micro's as is. */
    private String suseRelease() {
        String[] parts = versionId.split("\\.");
        if (id.equals("sle-micro") || parts.length != 2 || parts[1].equals("0")) {
            return id.equals("sle-micro") ? versionId : parts[0];
        }
        return parts[0] + " SP" + parts[1];
    }

    private boolean isUbuntuLts() {
        String[] parts = versionId.split("\\.");
        return parts.length == 2 && parts[1].equals("04") && parts[0].matches("\\d+") && Integer.parseInt(parts[0]) % 2 == 0;
    }

    /**
     * Which {@code affected[].package.ecosystem} values of OSV records apply to this release: {@code Debian:12} to
     * Debian 12, {@code Alpine:v3.20} to Alpine 3.20.x, {@code Ubuntu:22.04:LTS} to Ubuntu 22.04 (Ubuntu Pro
     * entries only to Pro systems, so not here), {@code Red Hat:enterprise_linux:9::appstream} to RHEL 9, and so on.
     * With no version known, every release matches.
     */
    public Predicate<String> releaseFilter() {
        Ecosystem ecosystem = ecosystem().orElseThrow();
        if (versionId.isEmpty()) {
            return osv -> true;
        }
        return osv -> {
            if (osv == null) {
                return false;
            }
            List<String> parts = List.of(osv.split(":", -1));
            String release = parts.size() > 1 ? parts.get(1).strip() : "";
            return switch (ecosystem) {
                case DEBIAN -> release.equals(major());
                case ALPINE -> release.equals("v" + majorMinor());
                case UBUNTU -> release.equals(versionId);
                case ROCKY, ALMA -> release.equals(major()) || release.startsWith(major() + ".");
                case RED_HAT -> parts.stream().anyMatch(p -> p.equals(major()) || p.startsWith(major() + "."));
                case SUSE -> release.endsWith(" " + suseRelease()) || release.endsWith(" " + versionId);
                case OPENSUSE -> id.equals("opensuse-tumbleweed") ? release.equals("Tumbleweed")
                        : release.endsWith(" " + versionId) || release.equals(versionId);
                default -> true;
            };
        };
    }
}
