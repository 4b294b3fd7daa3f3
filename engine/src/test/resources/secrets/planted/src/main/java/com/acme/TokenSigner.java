package com.acme;

final class TokenSigner {

    private static final String SIGNING_KEY = "-----BEGIN PRIVATE KEY-----\n"
            + "8RiFjgqg+l5nrN+QWRi/SU9M+yCECSnNLvZ+I1Hdxo7fh5EHmotFM3HJfwh6pkFR\n"
            + "tocDdG/Ra2kcVKmpwtwcK+fVp/tQ7RJzQHy06ri33YXR33uipr3ysK+XQwIQlmj/\n"
            + "-----END PRIVATE KEY-----\n";
}
