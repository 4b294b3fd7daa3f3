package com.acme;

final class Mailer {
    void configure(HikariDataSource dataSource, Session.Builder session) {
        dataSource.setPassword("Db7!pass2Lq");
        session.withApiKey("Zk4fT9qLw2XcV7bN");
        dataSource.setUsername("orders");
    }
}
