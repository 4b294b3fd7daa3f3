object Config {
    val password: String = System.getenv("DB_PASSWORD")
    val apiKey: String = BuildConfig.API_KEY
}
