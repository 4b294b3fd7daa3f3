package io.jenkins.plugins.devsecops.images.source;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Registry user names and passwords by registry host ({@code *} for any registry of the scanned images), as the
 * sensitive option {@code images.registryAuth} carries them: one {@code host TAB user TAB password} line each. Never
 * printed: {@link #toString} names the hosts only.
 */
public final class RegistryCredentials {

    /** One user name and password. */
    public record Login(String user, String password) {
        @Override
        public String toString() {
            return "Login[user=" + user + ", password=****]";
        }
    }

    private final Map<String, Login> byHost;

    private RegistryCredentials(Map<String, Login> byHost) {
        this.byHost = Map.copyOf(byHost);
    }

    /** No credentials. */
    public static RegistryCredentials none() {
        return new RegistryCredentials(Map.of());
    }

    /** Parses the option value. */
    public static RegistryCredentials parse(String option) {
        Map<String, Login> byHost = new LinkedHashMap<>();
        for (String line : option.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\t", 3);
            if (parts.length != 3 || parts[0].isBlank()) {
                throw new IllegalArgumentException("images.registryAuth: each line must be host<TAB>user<TAB>password");
            }
            byHost.put(parts[0].strip().toLowerCase(Locale.ROOT), new Login(parts[1], parts[2]));
        }
        return new RegistryCredentials(byHost);
    }

    /** The option line of one login. */
    public static String line(String host, String user, String password) {
        if (host.contains("\t") || host.contains("\n") || user.contains("\t") || user.contains("\n")
                || password.contains("\n")) {
            throw new IllegalArgumentException("Registry host, user and password cannot contain tabs or line breaks");
        }
        return host + "\t" + user + "\t" + password;
    }

    /** The login for {@code host}: its own, else the one for any registry. */
    public Optional<Login> forHost(String host) {
        Login own = byHost.get(host.toLowerCase(Locale.ROOT));
        return Optional.ofNullable(own != null ? own : byHost.get("*"));
    }

    @Override
    public String toString() {
        return "RegistryCredentials" + byHost.keySet();
    }
}
