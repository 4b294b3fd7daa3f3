package io.jenkins.plugins.devsecops.secrets.bench;

import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.scan.ProgressListener;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import io.jenkins.plugins.devsecops.scan.ScanRequest;
import io.jenkins.plugins.devsecops.scan.StageCatalog;
import io.jenkins.plugins.devsecops.secrets.BuiltInSecretRules;
import io.jenkins.plugins.devsecops.secrets.SecretDetector;
import io.jenkins.plugins.devsecops.secrets.SecretsStage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Throughput of the secrets stage with the full built-in rule set, through the real {@link ScanEngine}. Not a unit
 * test: run it with {@code bench/secrets-throughput.sh [DIR] [MEGABYTES] [THREADS]}. Without a directory it
 * generates a realistic source tree (code, config, lockfiles, docs, with occasional planted secrets) under
 * {@code /tmp}; with one it scans that checkout.
 */
public final class SecretsThroughputBenchmark {

    private static final String[] CODE = {
        "package com.acme.orders.service;",
        "import java.util.concurrent.ConcurrentHashMap;",
        "import org.springframework.web.bind.annotation.RequestMapping;",
        "    public ResponseEntity<OrderDto> handle(OrderRequest request, Principal principal) throws IOException {",
        "        String customerName = request.getParameter(\"customerName\");",
        "        logger.info(\"Processing order {} for customer {} in region {}\", orderId, customerId, region);",
        "        if (token == null || token.isExpired(clock.instant())) {",
        "            token = tokenService.refresh(clientId, Duration.ofMinutes(15));",
        "        return new ResponseEntity<>(mapper.toDto(order), HttpStatus.OK);",
        "    private final String baseUrl = \"https://api.acme.io/v2/orders\";",
        "    // TODO: remove once the password policy endpoint supports pagination",
        "        for (int i = 0; i < items.size(); i++) { total = total.add(items.get(i).price()); }",
        "    }",
        "",
        "def compute_checksum(data: bytes, algorithm: str = \"sha256\") -> str:",
        "    return hashlib.new(algorithm, data).hexdigest()",
        "    password = getpass.getpass(prompt=\"Database password: \")",
        "    secret_name = os.environ.get(\"SECRET_NAME\", \"orders/db\")",
        "const response = await fetch(`${baseUrl}/users/${id}`, { headers, signal: controller.signal });",
        "export default function OrderTable({ rows, onSelect }) { return rows.map(renderRow); }",
        "  image: registry.acme.io/orders-service:1.42.7",
        "        - name: DB_PASSWORD",
        "          valueFrom: { secretKeyRef: { name: db-credentials, key: password } }",
        "    \"integrity\": \"sha512-9Qv8HBkq3fE0nUWvOj1f3r6gkS9qvH0Lx3GQ0Jm0yP3x7Z5tQ2cQm2bq8HfL6d1yKqN3c0x7Tq4Yv2r5s8u1w==\",",
        "    \"resolved\": \"https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz\",",
        "See https://docs.acme.io/guides/authentication for how tokens are issued and rotated.",
        "SELECT o.id, o.total, c.name FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.state = ?;",
        "      <groupId>org.apache.commons</groupId><artifactId>commons-lang3</artifactId>",
        "    assertThat(result.items()).hasSize(3).extracting(Item::sku).containsExactly(\"A-1\", \"B-2\", \"C-3\");",
        "# Configure the connection pool; the secret itself comes from the vault at startup",
        "spring.datasource.hikari.maximum-pool-size=20",
        "    git clone https://github.com/acme/orders.git && cd orders && ./mvnw verify",
    };

    private static final String[] SECRETS = {
        "GITHUB_TOKEN=ghp_uGMGKAuWfpTbmRsHdRXfr8nBNXYK7Gh5Qhy5",
        "aws_access_key_id = AKIA7KLFYYLBEG3RHDSV",
        "db.password=pX7!kQ9vL2mRt4Zw",
        "DATABASE_URL=postgres://app:1xHgKk7gwxIbZk@db.internal:5432/orders",
    };

    private static final String[] EXTENSIONS = {"java", "py", "js", "ts", "yaml", "json", "properties", "md", "go", "xml"};

    private SecretsThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = args.length > 0 && !args[0].isBlank() ? Path.of(args[0]) : null;
        long megabytes = args.length > 1 ? Long.parseLong(args[1]) : 300;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        if (root == null) {
            root = Path.of("/tmp/devsecops-secrets-bench-" + megabytes + "mb");
            if (!Files.isDirectory(root)) {
                System.out.printf(Locale.ROOT, "Generating %d MB under %s...%n", megabytes, root);
                generate(root, megabytes * 1024 * 1024);
            }
        }
        System.out.printf(Locale.ROOT, "Rules: %d built-in; threads: %d; cores: %d%n", BuiltInSecretRules.rules().size(),
                threads, Runtime.getRuntime().availableProcessors());
        ScanEngine engine = new ScanEngine(new StageCatalog(List.of(new SecretsStage())));
        ScanRequest request = ScanRequest.builder(root).stage(SecretsStage.ID).threads(threads).build();
        engine.scan(request, ProgressListener.NONE); // warm-up: JIT and page cache
        List<Double> rates = new ArrayList<>();
        List<Double> cpuRates = new ArrayList<>();
        for (int run = 1; run <= 3; run++) {
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            Report report = engine.scan(request, ProgressListener.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
            StageResult stage = report.stage(SecretsStage.ID).orElseThrow();
            double mb = stage.bytesScanned() / 1e6;
            rates.add(mb / seconds);
            cpuRates.add(mb / cpuSeconds);
            System.out.printf(Locale.ROOT, "run %d: %d files, %.1f MB in %.2f s wall, %.2f s CPU = %.0f MB/s wall,"
                    + " %.0f MB per CPU-second (%d findings)%n", run, stage.filesScanned(), mb, seconds, cpuSeconds,
                    mb / seconds, mb / cpuSeconds, report.findings().size());
        }
        rates.sort(null);
        cpuRates.sort(null);
        System.out.printf(Locale.ROOT, "secrets stage throughput (median of 3): %.0f MB/s wall clock with %d threads;"
                + " %.0f MB per CPU-second, i.e. %.0f MB/s on %d idle cores%n", rates.get(1), threads, cpuRates.get(1),
                cpuRates.get(1) * threads, threads);
        detectorOnly(root);
    }

    /** CPU time of the whole process: on a shared machine it measures the work, whatever the other load. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Detector alone on one thread over files in memory: the engine's walk and reads excluded. */
    private static void detectorOnly(Path root) throws IOException {
        List<Object[]> files = new ArrayList<>();
        long bytes = 0;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                if (bytes > 100L * 1024 * 1024 || path.toString().contains("/.git/") || Files.size(path) > 10 << 20) {
                    continue;
                }
                byte[] content = Files.readAllBytes(path);
                bytes += content.length;
                files.add(new Object[] {root.relativize(path).toString(), new String(content, StandardCharsets.UTF_8), content});
            }
        }
        SecretDetector detector = BuiltInSecretRules.detector();
        long found = 0;
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        // One warm-up, then 10 runs: the figures should not jump between JIT outcomes from run to run.
        for (int run = 0; run <= 10; run++) {
            long start = bean.getCurrentThreadCpuTime();
            found = 0;
            for (Object[] file : files) {
                // The engine's path: keywords in the raw bytes, the text decoded only for files with a hit.
                byte[] content = (byte[]) file[2];
                found += detector.detect((String) file[0], content, () -> new String(content, StandardCharsets.UTF_8))
                        .size();
            }
            double seconds = (bean.getCurrentThreadCpuTime() - start) / 1e9;
            if (run > 0) {
                System.out.printf(Locale.ROOT, "detector only, 1 thread, in memory: %.1f MB in %.2f CPU-s = %.0f MB per CPU-second (%d matches)%n",
                        bytes / 1e6, seconds, bytes / 1e6 / seconds, found);
            }
        }
    }

    /** Writes about {@code totalBytes} of code-like files in a realistic directory layout. */
    static void generate(Path root, long totalBytes) throws IOException {
        Random random = new Random(42);
        long written = 0;
        int fileIndex = 0;
        while (written < totalBytes) {
            String extension = EXTENSIONS[random.nextInt(EXTENSIONS.length)];
            Path dir = root.resolve("module" + (fileIndex % 40)).resolve("src").resolve("pkg" + (fileIndex % 13));
            Files.createDirectories(dir);
            Path file = dir.resolve("File" + fileIndex + "." + extension);
            int target = 8_000 + random.nextInt(120_000);
            long fileBytes = 0;
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                while (fileBytes < target) {
                    String line = random.nextInt(40_000) == 0 ? SECRETS[random.nextInt(SECRETS.length)]
                            : CODE[random.nextInt(CODE.length)];
                    if (random.nextInt(8) == 0) {
                        line = line + " // " + Long.toHexString(random.nextLong()) + " id" + random.nextInt(100000);
                    }
                    out.write(line);
                    out.write('\n');
                    fileBytes += line.length() + 1;
                }
            }
            written += fileBytes;
            fileIndex++;
        }
    }
}
