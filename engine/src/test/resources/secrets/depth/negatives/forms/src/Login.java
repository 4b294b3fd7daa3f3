public class Login {
    Connection c = DriverManager.getConnection(url, user, password);
    void call(HttpHeaders headers) {
        headers.setBasicAuth(username, password);
        String password = request.getParameter("password");
        if (password.equals(confirmPassword)) { save(); }
        props.put("mail.smtp.password", System.getenv("SMTP_PASSWORD"));
    }
}
