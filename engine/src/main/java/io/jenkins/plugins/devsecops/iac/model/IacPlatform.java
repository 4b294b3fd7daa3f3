package io.jenkins.plugins.devsecops.iac.model;

/** The infrastructure-as-code language a resource or rule belongs to. */
public enum IacPlatform {
    TERRAFORM("Terraform"),
    KUBERNETES("Kubernetes"),
    CLOUDFORMATION("CloudFormation"),
    DOCKERFILE("Dockerfile");

    private final String displayName;

    IacPlatform(String displayName) {
        this.displayName = displayName;
    }

    /** The name shown to users. */
    public String displayName() {
        return displayName;
    }
}
