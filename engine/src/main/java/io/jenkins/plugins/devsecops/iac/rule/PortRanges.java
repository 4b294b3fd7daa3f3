package io.jenkins.plugins.devsecops.iac.rule;

import java.util.Set;

/** Well-known ports that must not face the internet, and port-range arithmetic over their textual forms. */
public final class PortRanges {

    public static final int SSH = 22;
    public static final int RDP = 3389;
    /** MySQL, PostgreSQL, SQL Server, Oracle, MongoDB, Redis, Elasticsearch, Redshift, Memcached, Cassandra. */
    public static final Set<Integer> DATABASES = Set.of(3306, 5432, 1433, 1521, 27017, 6379, 9200, 5439, 11211, 9042);

    private PortRanges() {
    }

    /**
     * Whether a textual port spec ({@code 22}, {@code 20-30}, {@code *}, {@code 0-65535}) includes {@code port}.
     * Unparseable text is not assumed to.
     */
    public static boolean includes(String spec, int port) {
        String text = spec.strip();
        if (text.equals("*") || text.equalsIgnoreCase("any")) {
            return true;
        }
        try {
            int dash = text.indexOf('-');
            if (dash > 0) {
                return Integer.parseInt(text.substring(0, dash).strip()) <= port
                        && port <= Integer.parseInt(text.substring(dash + 1).strip());
            }
            return Integer.parseInt(text) == port;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Whether a range covers every port: {@code *}, {@code 0-65535}, {@code 1-65535}. */
    public static boolean isAll(String spec) {
        String text = spec.strip();
        return text.equals("*") || text.equals("0-65535") || text.equals("1-65535");
    }

    /** Whether a from/to pair covers any database port. */
    public static Integer databasePortIn(long from, long to) {
        for (int port : DATABASES.stream().sorted().toList()) {
            if (from <= port && port <= to) {
                return port;
            }
        }
        return null;
    }
}
