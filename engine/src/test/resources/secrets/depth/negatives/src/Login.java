class Login {
    String password = request.getParameter("password");
    String token = tokenService.issue(user);
    private static final String PASSWORD_FIELD = "password";
    private static final String TOKEN_HEADER = "X-Auth-Token";
}
