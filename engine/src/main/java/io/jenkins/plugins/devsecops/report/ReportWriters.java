package io.jenkins.plugins.devsecops.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The report formats the engine can write, by name, found with {@link ServiceLoader}
 * ({@code META-INF/services/io.jenkins.plugins.devsecops.report.ReportWriter}).
 */
public final class ReportWriters {

    private final Map<String, ReportWriter> writers = new LinkedHashMap<>();

    private ReportWriters(List<ReportWriter> found) {
        found.forEach(w -> writers.putIfAbsent(w.format(), w));
    }

    public static ReportWriters builtIn() {
        List<ReportWriter> found = new ArrayList<>();
        ServiceLoader.load(ReportWriter.class, ReportWriter.class.getClassLoader()).forEach(found::add);
        return new ReportWriters(found);
    }

    public Optional<ReportWriter> find(String format) {
        return Optional.ofNullable(writers.get(format.trim().toLowerCase(java.util.Locale.ROOT)));
    }

    /** The known format names. */
    public List<String> formats() {
        return List.copyOf(writers.keySet());
    }
}
