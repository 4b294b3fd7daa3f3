package com.acme;

/** Talks to the payment provider. */
public class PaymentClient {

    private static final String STRIPE_KEY = "sk_live_EQ7wjJJibaZUPgHV7iB3m03nbqns";

    private static final String SESSION = "eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9.eyJzdWIiOiAic3ZjLTgzOTQ2OSIsICJpYXQiOiAxNzYzOTAwMDAwfQ.OlUcR64cXQLioDnkHIfxIq2HZt_PlJhx2jIclHkCiHp";

    String password(String user) {
        return lookup(user);
    }

    private String lookup(String user) {
        return user;
    }
}
