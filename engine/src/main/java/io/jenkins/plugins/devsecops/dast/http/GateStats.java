package io.jenkins.plugins.devsecops.dast.http;

import java.util.Map;

/**
 * What passed through the gate.
 *
 * @param sent requests sent
 * @param refused requests refused before sending, by reason ({@code other origin}, {@code logout-like}, ...)
 * @param failed requests sent that got no response (connection refused, timeout)
 * @param bytesRead body bytes read
 * @param truncated responses cut at the size limit
 */
public record GateStats(int sent, Map<String, Integer> refused, int failed, long bytesRead, int truncated) {

    public GateStats {
        refused = Map.copyOf(refused);
    }

    /** Every refused request. */
    public int refusedTotal() {
        return refused.values().stream().mapToInt(Integer::intValue).sum();
    }
}
