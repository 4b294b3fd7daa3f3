package io.jenkins.plugins.devsecops.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The DAST stage's secrets as the CLI takes them: from environment variables only, never from arguments (which
 * other users of the machine can read in the process list).
 */
final class DastCredentials {

    static final String USERNAME = "DEVSECOPS_DAST_USERNAME";
    static final String PASSWORD = "DEVSECOPS_DAST_PASSWORD";
    static final String TOKEN = "DEVSECOPS_DAST_TOKEN";
    static final String COOKIE = "DEVSECOPS_DAST_COOKIE";

    private static final Map<String, String> OPTIONS = Map.of(USERNAME, "dast.auth.username", PASSWORD,
            "dast.auth.password", TOKEN, "dast.auth.token", COOKIE, "dast.auth.cookie");

    private DastCredentials() {
    }

    /** The {@code dast.auth.*} options set by the environment. */
    static Map<String, String> fromEnvironment(Map<String, String> variables) {
        Map<String, String> options = new LinkedHashMap<>();
        OPTIONS.forEach((variable, option) -> {
            String value = variables.get(variable);
            if (value != null && !value.isEmpty()) {
                options.put(option, value);
            }
        });
        return options;
    }

    /** Whether an option holds a secret. */
    static boolean isSecretOption(String name) {
        return name.equals("dast.auth.password") || name.equals("dast.auth.token") || name.equals("dast.auth.cookie");
    }

    /** The environment variable that sets a secret option. */
    static String variableFor(String option) {
        return OPTIONS.entrySet().stream().filter(e -> e.getValue().equals(option)).map(Map.Entry::getKey).findFirst()
                .orElse(option);
    }
}
