object Config {
    val apiKey: String = "Ka9fL2xQw7RtVn4Z"
}
