package io.jenkins.plugins.devsecops.jenkins;

import hudson.FilePath;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Plants an {@code .env} file with an AWS key pair in a workspace, the way developers commit them. The values are
 * random (seeded, so reproducible) and not real keys; tests assert they never show up in logs, pages or records.
 */
final class PlantedSecrets {

    private static final String KEY_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    final String accessKeyId;
    final String secretAccessKey;

    PlantedSecrets(long seed) {
        Random random = new Random(seed);
        accessKeyId = "AKIA" + randomText(random, KEY_ID_ALPHABET, 16);
        secretAccessKey = randomText(random, SECRET_ALPHABET, 40);
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** Writes {@code .env} (and a harmless README) into {@code directory}. */
    void plantIn(FilePath directory) throws Exception {
        directory.child(".env").write("# deployment settings\nAWS_REGION=eu-west-1\nAWS_ACCESS_KEY_ID=" + accessKeyId
                + "\nAWS_SECRET_ACCESS_KEY=" + secretAccessKey + "\n", StandardCharsets.UTF_8.name());
        directory.child("README.md").write("# demo\nNothing secret here.\n", StandardCharsets.UTF_8.name());
    }

    /**
     * Writes a policy file without gates into {@code workspace}, which replaces the engine's default policy (that
     * fails any build with a provider-format key such as the planted one): only the step's and the global gates apply.
     */
    static void withoutDefaultPolicy(FilePath workspace) throws Exception {
        workspace.child("devsecops-policy.yaml").write("version: 1\n", StandardCharsets.UTF_8.name());
    }
}
