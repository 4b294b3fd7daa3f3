package com.acme;

class LoginController {
    private static final String PASSWORD_FIELD = "password_input";
    private static final String TOKEN_HEADER = "X-Auth-Token";
    String password = request.getParameter("password");
    boolean ok = token == null || password.isEmpty();
    String secret = System.getenv("APP_SECRET");
    String apiKey = config.getString("service.apiKey");
}
