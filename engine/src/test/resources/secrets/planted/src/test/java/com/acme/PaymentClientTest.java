package com.acme;

class PaymentClientTest {
    static final String KEY = "AKIAGMXGEDN73U55XTPL";
}
