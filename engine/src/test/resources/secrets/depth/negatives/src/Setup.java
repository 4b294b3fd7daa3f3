class Setup {
    void init(HikariDataSource dataSource) {
        dataSource.setPassword(System.getenv("DB_PASSWORD"));
        user.setPassword(encoder.encode(raw));
        config.setToken(tokenProvider.get());
    }
}
