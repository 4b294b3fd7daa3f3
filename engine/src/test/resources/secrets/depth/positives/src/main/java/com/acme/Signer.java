package com.acme;

final class Signer {
    private static final String KEY = "-----BEGIN RSA PRIVATE KEY-----\n"
            + "Q31dPgL3WPNiFp5FYg8nENYEiV1vC1pjmqp6aLFMdPwi45YsTDfNd6ONP/s8AzLh\n"
            + "zOT8cwzEygnNOJ1rQ41kvCNpzIxELIVoDMxCJql7j4jfaKG2lvKyFwJdxte7Xa/h\n"
            + "-----END RSA PRIVATE KEY-----\n";
}
