import io.jenkins.plugins.devsecops.dependencies.DependencyStage;
import io.jenkins.plugins.devsecops.packages.Ecosystem;
import io.jenkins.plugins.devsecops.packages.LockedPackage;
import io.jenkins.plugins.devsecops.dependencies.VulnerabilityMatcher;
import io.jenkins.plugins.devsecops.packages.lockfile.Lockfile;
import io.jenkins.plugins.devsecops.packages.lockfile.NpmLockParser;
import io.jenkins.plugins.devsecops.packages.osv.LookupResult;
import io.jenkins.plugins.devsecops.packages.osv.OfflineOsvIndex;
import io.jenkins.plugins.devsecops.packages.osv.OsvRecord;
import io.jenkins.plugins.devsecops.packages.osv.PackageQuery;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.scan.ProgressListener;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import io.jenkins.plugins.devsecops.scan.ScanRequest;
import io.jenkins.plugins.devsecops.scan.StageCatalog;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Dependency-stage benchmark: builds the offline OSV index of N advisories (generated, or a real export given as
 * the first argument), then checks a 50,000-package lockfile against it, phase by phase and through the engine.
 * Run with bench/sca/run.sh; nothing it generates is committed.
 */
public final class ScaBenchmark {

    static final int PACKAGES = 50_000;
    static final int ADVISORIES = 25_000;

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("sca-bench");
        Path osvSource = args.length > 0 ? Path.of(args[0]) : generateAdvisories(work.resolve("osv/all.zip"));
        Path project = work.resolve("project");
        Files.createDirectories(project);
        Files.writeString(project.resolve("package-lock.json"), generateLockfile());

        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long[] cpu = new long[6];
        cpu[0] = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        OfflineOsvIndex built = OfflineOsvIndex.open(osvSource, work.resolve("index"));
        long t1 = System.nanoTime();
        cpu[1] = os.getProcessCpuTime();
        OfflineOsvIndex reused = OfflineOsvIndex.open(osvSource, work.resolve("index"));
        long t2 = System.nanoTime();
        cpu[2] = os.getProcessCpuTime();
        Lockfile lockfile = new Lockfile("package-lock.json", Files.readAllBytes(project.resolve("package-lock.json")),
                project.resolve("package-lock.json"), project);
        List<LockedPackage> packages = new NpmLockParser().parse(lockfile).packages();
        long t3 = System.nanoTime();
        cpu[3] = os.getProcessCpuTime();
        Map<PackageQuery, LockedPackage> queries = new LinkedHashMap<>();
        packages.forEach(p -> queries.put(new PackageQuery(p.key(), p.version()), p));
        LookupResult result = reused.lookup(queries.keySet());
        long t4 = System.nanoTime();
        cpu[4] = os.getProcessCpuTime();
        int findings = 0;
        for (var entry : queries.entrySet()) {
            List<OsvRecord> candidates = result.advisories().get(entry.getKey());
            if (candidates != null) {
                findings += VulnerabilityMatcher.match(entry.getValue(), candidates).findings().size();
            }
        }
        long t5 = System.nanoTime();
        cpu[5] = os.getProcessCpuTime();
        Report report = new ScanEngine(new StageCatalog(List.of(new DependencyStage()))).scan(
                ScanRequest.builder(project).stage("dependencies").threads(2).maxFileSize(200L * 1024 * 1024)
                        .option("dependencies.osvZip", osvSource.toString())
                        .option("dependencies.osvDir", osvSource.toString())
                        .option("dependencies.indexDir", work.resolve("index").toString()).build(),
                ProgressListener.NONE);
        long t6 = System.nanoTime();

        System.out.printf("advisory records indexed: %d (%d packages)%n", built.info().recordCount(), built.packageCount());
        System.out.println("phase                        wall ms   cpu ms (process: all threads, GC and JIT included)");
        System.out.printf("index build:               %7d  %7d%n", (t1 - t0) / 1_000_000, (cpu[1] - cpu[0]) / 1_000_000);
        System.out.printf("index reuse (open):        %7d  %7d%n", (t2 - t1) / 1_000_000, (cpu[2] - cpu[1]) / 1_000_000);
        System.out.printf("parse %d packages:      %7d  %7d%n", packages.size(), (t3 - t2) / 1_000_000,
                (cpu[3] - cpu[2]) / 1_000_000);
        System.out.printf("lookup %d queries:      %7d  %7d (%d with candidates)%n", queries.size(),
                (t4 - t3) / 1_000_000, (cpu[4] - cpu[3]) / 1_000_000, result.advisories().size());
        System.out.printf("evaluate ranges:           %7d  %7d (%d findings)%n", (t5 - t4) / 1_000_000,
                (cpu[5] - cpu[4]) / 1_000_000, findings);
        System.out.printf("build + parse + lookup + evaluate: %d ms wall, %d ms cpu%n", (t5 - t0) / 1_000_000,
                (cpu[5] - cpu[0]) / 1_000_000);
        System.out.printf("whole stage via engine (index reused): %d ms, %d findings, %d components%n",
                (t6 - t5) / 1_000_000, report.findings().size(), report.components().size());
    }

    /** Realistic records: npm advisories with one to three ranges, CVSS v3 vectors, aliases, a few PyPI/Maven. */
    static Path generateAdvisories(Path zip) throws Exception {
        Files.createDirectories(zip.getParent());
        Random random = new Random(7);
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out)) {
            for (int i = 0; i < ADVISORIES; i++) {
                String id = String.format("GHSA-%04x-%04x-%04x", i, random.nextInt(65536), random.nextInt(65536));
                String ecosystem = i % 10 == 0 ? "PyPI" : i % 10 == 1 ? "Maven" : "npm";
                String name = ecosystem.equals("Maven") ? "org.example:lib-" + random.nextInt(80_000)
                        : "pkg-" + random.nextInt(80_000);
                StringBuilder events = new StringBuilder();
                int ranges = 1 + random.nextInt(3);
                for (int r = 0; r < ranges; r++) {
                    events.append(r == 0 ? "" : ",").append("{\"introduced\": \"1.").append(r).append(".0\"}, {\"fixed\": \"1.")
                            .append(r).append('.').append(1 + random.nextInt(60)).append("\"}");
                }
                String json = "{\"schema_version\": \"1.6.0\", \"id\": \"" + id + "\", \"modified\": \"2026-11-2"
                        + (i % 3) + "T10:00:00Z\", \"published\": \"2024-01-01T00:00:00Z\", \"aliases\": [\"CVE-2024-"
                        + (10000 + i) + "\"], \"summary\": \"Prototype pollution in " + name + "\", \"details\": \""
                        + "A long description of the problem. ".repeat(8) + "\", \"severity\": [{\"type\": \"CVSS_V3\", "
                        + "\"score\": \"CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:L/A:N\"}], \"affected\": [{\"package\": "
                        + "{\"ecosystem\": \"" + ecosystem + "\", \"name\": \"" + name + "\"}, \"ranges\": [{\"type\": "
                        + "\"ECOSYSTEM\", \"events\": [" + events + "]}]}], \"references\": [{\"type\": \"ADVISORY\", "
                        + "\"url\": \"https://github.com/advisories/" + id + "\"}], \"database_specific\": {\"cwe_ids\": "
                        + "[\"CWE-1321\"], \"severity\": \"HIGH\"}}";
                zipOut.putNextEntry(new ZipEntry(id + ".json"));
                zipOut.write(json.getBytes(StandardCharsets.UTF_8));
                zipOut.closeEntry();
            }
        }
        return zip;
    }

    static String generateLockfile() {
        StringBuilder lock = new StringBuilder("{\n  \"name\": \"bench\",\n  \"lockfileVersion\": 3,\n  \"packages\": {\n"
                + "    \"\": {\"dependencies\": {");
        for (int i = 0; i < 500; i++) {
            lock.append(i == 0 ? "" : ", ").append("\"pkg-").append(i).append("\": \"^1.0.0\"");
        }
        lock.append("}}");
        Random random = new Random(11);
        for (int i = 0; i < PACKAGES; i++) {
            lock.append(",\n    \"node_modules/pkg-").append(i).append("\": {\n      \"version\": \"1.")
                    .append(random.nextInt(3)).append('.').append(random.nextInt(60)).append("\",\n      \"integrity\": "
                    + "\"sha512-0qXcZYKZp3/6N2jKYVxZv0aNCsxTSVCiK72DTiTYZAu7sjg73W0/aynWjMbiGd87EQL4WyA8reiJVh92AVla9g==\"");
            if (i < 49_000) {
                lock.append(",\n      \"dependencies\": {\"pkg-").append(i + 500 + random.nextInt(500)).append("\": \"^1.0.0\"}");
            }
            lock.append("\n    }");
        }
        return lock.append("\n  }\n}\n").toString();
    }

    private ScaBenchmark() {
    }
}
