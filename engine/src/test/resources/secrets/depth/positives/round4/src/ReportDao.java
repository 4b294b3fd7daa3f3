package com.acme.reports;

final class ReportDao {
    private static final String URL = "jdbc:postgresql://reports-db:5432/reports?user=reporter&password=Jdp1wR0D6Lwf&ssl=true";
}
