package io.jenkins.plugins.devsecops.bench;

import io.jenkins.plugins.devsecops.packages.lockfile.Lockfile;
import io.jenkins.plugins.devsecops.packages.lockfile.LockfileParsers;
import io.jenkins.plugins.devsecops.scan.Glob;
import io.jenkins.plugins.devsecops.secrets.BuiltInSecretRules;
import io.jenkins.plugins.devsecops.secrets.SecretDetector;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Linearity of the engine on the hostile inputs of issue 17: each case runs at size n and 4n and prints the
 * processor time of both and their ratio (about 4 when the work is linear, 16 when it is quadratic). Processor
 * time of this thread, best of three, so a busy machine distorts little. Run with {@code bench/hostile-inputs.sh}.
 */
public final class HostileInputsBenchmark {

    private HostileInputsBenchmark() {
    }

    private interface Case {
        void run(int size) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int scale = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        SecretDetector detector = BuiltInSecretRules.detector();
        List<String[]> rows = new ArrayList<>();
        measure(rows, "secrets: '-eyJ' repeated (chars)", 256 * 1024 * scale,
                size -> detector.detect("a.txt", "-eyJ".repeat(size / 4)));
        measure(rows, "secrets: one line of private-key headers (count)", 50_000 * scale,
                size -> detector.detect("a.txt", "-----BEGIN PRIVATE KEY-----".repeat(size)));
        measure(rows, "secrets: password= values on one line (count)", 10_000 * scale,
                size -> detector.detect("a.env", passwords(size, ' ')));
        measure(rows, "secrets: password= values, one per line (count)", 10_000 * scale,
                size -> detector.detect("a.env", passwords(size, '\n')));
        String hostileGlob = "**/" + "*a".repeat(30) + "b/" + "**/*a*/".repeat(15) + "**/zz*";
        measure(rows, "glob: ReDoS-shaped pattern vs deep path (segments)", 200 * scale, size -> {
            String path = String.join("/", Collections.nCopies(size, "aaaaaaaaaaaaaaaaaaaa"));
            for (int i = 0; i < 20; i++) {
                Glob.gitignore(hostileGlob).matchesPathOrParent(path, false);
            }
        });
        measure(rows, "npm lockfile: dependency chain with a cycle (packages)", 5_000 * scale, size ->
                LockfileParsers.forFileName("package-lock.json").orElseThrow()
                        .parse(Lockfile.of("package-lock.json", npmChain(size))));
        measure(rows, "Cargo.lock: one quoted string (chars)", 200_000 * scale, size ->
                LockfileParsers.forFileName("Cargo.lock").orElseThrow().parse(Lockfile.of("Cargo.lock",
                        "[[package]]\nname = \"a\"\nversion = \"1.0.0\"\ndescription = \"" + "x\\\"".repeat(size / 3)
                                + "\"\n")));
        System.out.printf("%-58s %10s %10s %7s%n", "case (size n)", "n ms", "4n ms", "ratio");
        for (String[] row : rows) {
            System.out.printf("%-58s %10s %10s %7s%n", (Object[]) row);
        }
    }

    private static void measure(List<String[]> rows, String name, int size, Case body) throws Exception {
        double small = best(body, size);
        double large = best(body, 4 * size);
        rows.add(new String[] {name + " " + size, String.format("%.1f", small), String.format("%.1f", large),
            String.format("%.1f", large / Math.max(small, 0.01))});
    }

    private static double best(Case body, int size) throws Exception {
        var threads = ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = threads.getCurrentThreadCpuTime();
            body.run(size);
            best = Math.min(best, (threads.getCurrentThreadCpuTime() - start) / 1e6);
        }
        return best;
    }

    private static String passwords(int count, char separator) {
        java.util.Random random = new java.util.Random(3);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append("password=");
            for (int c = 0; c < 18; c++) {
                out.append("abcdefghijkLMNOPQRSTU0123456789".charAt(random.nextInt(31)));
            }
            out.append(separator);
        }
        return out.toString();
    }

    private static String npmChain(int count) {
        IntFunction<String> name = i -> "p" + (i % count);
        StringBuilder lock = new StringBuilder("{\"lockfileVersion\":3,\"packages\":{\"\":{\"dependencies\":{\"p0\":\"1\"}}");
        for (int i = 0; i < count; i++) {
            lock.append(",\"node_modules/").append(name.apply(i)).append("\":{\"version\":\"1.0.0\",\"dependencies\":{\"")
                    .append(name.apply(i + 1)).append("\":\"1.0.0\"}}");
        }
        return lock.append("}}").toString();
    }
}
