package io.jenkins.plugins.devsecops.iac.rule;

import java.util.Set;
import java.util.regex.Pattern;

/** Facts about cloud platforms that rules of several languages (Terraform, CloudFormation) share. */
public final class CloudFacts {

    /** AWS Lambda runtimes that AWS no longer patches. */
    public static final Set<String> DEPRECATED_LAMBDA_RUNTIMES = Set.of("python2.7", "python3.6", "python3.7",
            "python3.8", "nodejs", "nodejs4.3", "nodejs4.3-edge", "nodejs6.10", "nodejs8.10", "nodejs10.x",
            "nodejs12.x", "nodejs14.x", "nodejs16.x", "ruby2.5", "ruby2.7", "dotnetcore1.0", "dotnetcore2.0",
            "dotnetcore2.1", "dotnetcore3.1", "dotnet5.0", "dotnet6", "go1.x", "java8");

    /**
     * A credential in a boot script (EC2 user data, Azure custom data, CloudStack user data): an AWS access key id, an
     * AWS secret access key assignment, or a password, secret, API key or token assigned a literal value.
     */
    public static final Pattern BOOT_SCRIPT_SECRET = Pattern.compile("(?i)(?:\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b"
            + "|aws_secret_access_key\\s*[=:]\\s*['\"]?[A-Za-z0-9/+]{40}"
            + "|(?:password|passwd|secret|api_key|token)\\s*[=:]\\s*['\"]?[^\\s'\"$]{6,})");

    private CloudFacts() {
    }
}
