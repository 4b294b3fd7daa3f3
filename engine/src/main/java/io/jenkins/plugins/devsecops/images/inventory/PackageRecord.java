package io.jenkins.plugins.devsecops.images.inventory;

import java.util.List;

/**
 * A package as one database lists it, before it is placed in a layer.
 *
 * @param files the paths it owns (normalized, no leading slash), where the database lists them
 */
record PackageRecord(String name, String version, String sourceName, String sourceVersion, String architecture,
        List<String> files) {

    PackageRecord {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
