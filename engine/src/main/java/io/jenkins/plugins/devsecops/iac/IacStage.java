package io.jenkins.plugins.devsecops.iac;

import io.jenkins.plugins.devsecops.scan.Stage;
import io.jenkins.plugins.devsecops.scan.StageContext;
import io.jenkins.plugins.devsecops.scan.StageScanner;
import java.io.IOException;

/**
 * The {@code iac} stage: misconfigurations in Terraform, Kubernetes manifests, CloudFormation templates and
 * Dockerfiles, with inline suppressions and custom rules from {@code .devsecops/iac-rules/*.yaml}.
 */
public final class IacStage implements Stage {

    @Override
    public String id() {
        return IacFindings.STAGE_ID;
    }

    @Override
    public String description() {
        return "Infrastructure as code: Terraform, Kubernetes, CloudFormation and Dockerfile misconfigurations";
    }

    @Override
    public StageScanner open(StageContext context) throws IOException {
        return new IacScanner(context.root());
    }
}
