final class Dao {
    String url = "jdbc:postgresql://db/app?user=app&password=" + password;
    String other = "jdbc:postgresql://db/app?user=app&password=${DB_PASSWORD}";
}
