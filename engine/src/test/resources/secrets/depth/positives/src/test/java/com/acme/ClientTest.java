package com.acme;

class ClientTest {
    private static final String PASSWORD = "Tz8!qLw2Vx";
}
