package com.acme.repo;

public class Repo {
    private static final String DB_PASS = "Tr0ub4dor&3x";
    Connection c = DriverManager.getConnection("jdbc:mysql://db:3306/shop", "shop", "Kp9x!mW2qL");
    String url = "jdbc:sqlserver://sql01:1433;databaseName=crm;user=crm_app;password=Sq7!vbN3kw;";
    String oracle = "jdbc:oracle:thin:scott/T1gerLw9x@dbhost:1521:ORCL";
    void client(HttpHeaders headers) {
        headers.setBasicAuth("integration", "Bz6wq2Ky!m");
        provider.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials("jenkins", "Jk8vQ3zW5n"));
        Authenticator.setDefault(new PasswordAuthentication("proxy", "Px4mK9qW2z".toCharArray()));
        props.put("mail.smtp.password", "Ml7kq2Wz9x");
        System.setProperty("javax.net.ssl.keyStorePassword", "Ks8wL3vQ2m");
        String key = "-----BEGIN RSA PRIVATE KEY-----\n" + "MIIEowIBAAKCAQEAx8kq2WzQ7vLr4tNbGk5sP9wQ2mZx7vLr4tNbGk5sP9wQ2mZ\n"
            + "x7vLr4tNb9wQ2mZx7vLr4tNbGk5sP9wQ2mZx7vLr4tNbGk5sP9wQ2mZx7vLr4t\n"
            + "-----END RSA PRIVATE KEY-----\n";
    }
}
