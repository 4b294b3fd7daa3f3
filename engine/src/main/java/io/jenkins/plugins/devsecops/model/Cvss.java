package io.jenkins.plugins.devsecops.model;

import java.io.Serializable;

/**
 * A CVSS rating.
 *
 * @param version the CVSS version, e.g. {@code 3.1} or {@code 4.0}
 * @param score the base score, 0.0 to 10.0
 * @param vector the vector string, e.g. {@code CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H}
 */
public record Cvss(String version, double score, String vector) implements Serializable {

    private static final long serialVersionUID = 1L;

    public Cvss {
        if (Double.isNaN(score) || score < 0.0 || score > 10.0) {
            throw new IllegalArgumentException("CVSS score out of range: " + score);
        }
    }
}
