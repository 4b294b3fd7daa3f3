package io.jenkins.plugins.devsecops.dast.http;

import java.util.Optional;

/** Sends a request through the scope gate (logged in, when the scan is); empty when refused or unanswered. */
@FunctionalInterface
public interface Exchanger {

    /** Sends without following redirects. */
    Optional<DastResponse> send(DastRequest request) throws InterruptedException;
}
