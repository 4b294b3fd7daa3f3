package io.jenkins.plugins.devsecops.iac.cloudformation;

import static io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.requireOneOf;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.equalsAny;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.missing;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.notTrue;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.model.IacPlatform;
import io.jenkins.plugins.devsecops.iac.rule.IacRule;
import io.jenkins.plugins.devsecops.iac.rule.ResourceCheck;
import io.jenkins.plugins.devsecops.iac.rule.ResourceRules;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.List;

/**
 * Rules for AWS SAM resources ({@code AWS::Serverless::*}) in CloudFormation templates. The template's
 * {@code Globals} section is merged into each resource before the rules run, so a setting made globally counts.
 */
public final class SamRules {

    private SamRules() {
    }

    private static IacRule rule(String id, Severity severity, String cwe, String title, String remediation,
            String types, ResourceCheck check) {
        return ResourceRules.rule(id, IacPlatform.CLOUDFORMATION, severity, cwe, title, remediation, types, check);
    }

    /** Every SAM rule. */
    public static List<IacRule> rules() {
        return List.of(
                rule("sam-function-no-xray", Severity.LOW, "CWE-778", "SAM function has no X-Ray tracing",
                        "Set Tracing: Active (on the function or in Globals.Function).", "AWS::Serverless::Function",
                        requireOneOf("Tracing", "invocations are not traced", "Active", "PassThrough")),
                rule("sam-function-url-no-auth", Severity.HIGH, "CWE-306", "SAM function URL requires no authentication",
                        "Set FunctionUrlConfig.AuthType: AWS_IAM.", "AWS::Serverless::Function",
                        equalsAny("FunctionUrlConfig.AuthType", "anyone may invoke the function", "NONE")),
                rule("sam-function-admin-policy", Severity.HIGH, "CWE-269",
                        "SAM function role has administrator access",
                        "Use SAM policy templates (e.g. DynamoDBReadPolicy) or least-privilege statements.",
                        "AWS::Serverless::Function", (r, t, h) -> {
                            for (IacNode.Scalar policy : r.body().scalars("Policies")) {
                                if (policy.text().equals("AdministratorAccess")
                                        || policy.text().endsWith(":policy/AdministratorAccess")) {
                                    h.at(r, policy, "Policies", "AdministratorAccess is attached");
                                }
                            }
                        }),
                rule("sam-api-no-xray", Severity.LOW, "CWE-778", "SAM API has no X-Ray tracing",
                        "Set TracingEnabled: true (on the API or in Globals.Api).", "AWS::Serverless::Api",
                        notTrue("TracingEnabled", "requests are not traced")),
                rule("sam-api-no-access-logs", Severity.MEDIUM, "CWE-778", "SAM API has no access logs",
                        "Add AccessLogSetting with a DestinationArn.", "AWS::Serverless::Api",
                        missing("AccessLogSetting", "no AccessLogSetting")),
                rule("sam-api-no-auth", Severity.MEDIUM, "CWE-306", "SAM API has no default authoriser",
                        "Set Auth.DefaultAuthorizer (AWS_IAM, Cognito or Lambda) or Auth.ApiKeyRequired: true.",
                        "AWS::Serverless::Api", (r, t, h) -> {
                            if (!r.body().present("Auth.DefaultAuthorizer")
                                    && r.body().scalars("Auth.ApiKeyRequired").stream().noneMatch(IacNode.Scalar::isTrue)) {
                                h.missing(r, "Auth.DefaultAuthorizer", "endpoints are open unless each event sets Auth");
                            }
                        }),
                rule("sam-api-cache-unencrypted", Severity.MEDIUM, "CWE-311",
                        "SAM API caches responses without encryption",
                        "Set CacheDataEncrypted: true in MethodSettings when caching is on.", "AWS::Serverless::Api",
                        (r, t, h) -> {
                            for (IacNode.Mapping setting : r.body().mappings("MethodSettings")) {
                                if (setting.scalar("CachingEnabled").filter(IacNode.Scalar::isTrue).isPresent()
                                        && setting.scalar("CacheDataEncrypted").filter(IacNode.Scalar::isTrue)
                                                .isEmpty()) {
                                    h.at(r, setting.get("CacheDataEncrypted").orElse(setting),
                                            "MethodSettings.CacheDataEncrypted", "cached responses are stored in clear");
                                }
                            }
                        }),
                rule("sam-api-outdated-tls", Severity.MEDIUM, "CWE-326", "SAM API custom domain allows TLS 1.0",
                        "Set Domain.SecurityPolicy: TLS_1_2.", "AWS::Serverless::Api",
                        equalsAny("Domain.SecurityPolicy", "clients may negotiate TLS 1.0", "TLS_1_0")),
                rule("sam-httpapi-no-access-logs", Severity.MEDIUM, "CWE-778", "SAM HTTP API has no access logs",
                        "Add AccessLogSettings with a DestinationArn.", "AWS::Serverless::HttpApi",
                        missing("AccessLogSettings", "no AccessLogSettings")),
                rule("sam-httpapi-no-auth", Severity.MEDIUM, "CWE-306", "SAM HTTP API has no default authoriser",
                        "Set Auth.DefaultAuthorizer to a JWT, IAM or Lambda authoriser.", "AWS::Serverless::HttpApi",
                        (r, t, h) -> {
                            if (!r.body().present("Auth.DefaultAuthorizer")
                                    && r.body().scalars("Auth.EnableIamAuthorizer").stream()
                                            .noneMatch(IacNode.Scalar::isTrue)) {
                                h.missing(r, "Auth.DefaultAuthorizer", "routes are open unless each event sets Auth");
                            }
                        }),
                rule("sam-statemachine-no-logging", Severity.LOW, "CWE-778", "SAM state machine logs no executions",
                        "Add Logging with Level: ALL and a log group destination.", "AWS::Serverless::StateMachine",
                        (r, t, h) -> {
                            if (!r.body().present("Logging")) {
                                h.missing(r, "Logging", "execution history is not logged");
                            } else {
                                equalsAny("Logging.Level", "logging is off", "OFF").check(r, t, h);
                            }
                        }),
                rule("sam-statemachine-no-xray", Severity.LOW, "CWE-778", "SAM state machine has no X-Ray tracing",
                        "Set Tracing: {Enabled: true}.", "AWS::Serverless::StateMachine",
                        notTrue("Tracing.Enabled", "executions are not traced")),
                rule("sam-function-policy-wildcard", Severity.HIGH, "CWE-269",
                        "SAM function policy allows every action of a service or of AWS",
                        "List the actions the function needs instead of '*' or 'service:*'.",
                        "AWS::Serverless::Function", SamRules::policyWildcard),
                rule("sam-statemachine-policy-wildcard", Severity.HIGH, "CWE-269",
                        "SAM state machine policy allows every action of a service or of AWS",
                        "List the actions the state machine needs instead of '*' or 'service:*'.",
                        "AWS::Serverless::StateMachine", SamRules::policyWildcard),
                rule("sam-simpletable-unencrypted", Severity.MEDIUM, "CWE-311",
                        "SAM simple table is not encrypted with KMS", "Set SSESpecification: {SSEEnabled: true}.",
                        "AWS::Serverless::SimpleTable", notTrue("SSESpecification.SSEEnabled",
                                "the table uses the AWS owned key")));
    }

    /** Inline statements under {@code Policies} (a document, or a list mixing names, templates and documents). */
    private static void policyWildcard(io.jenkins.plugins.devsecops.iac.model.IacResource r,
            io.jenkins.plugins.devsecops.iac.rule.ResourceTarget t, io.jenkins.plugins.devsecops.iac.rule.RuleHits h) {
        for (IacNode node : r.body().all("Policies")) {
            for (io.jenkins.plugins.devsecops.iac.rule.PolicyDocuments.Statement s
                    : io.jenkins.plugins.devsecops.iac.rule.PolicyDocuments.statements(node)) {
                if (s.allow() && s.wildcardAction() != null) {
                    h.at(r, s.wildcardAction(), "Policies", "Action " + s.wildcardAction().text());
                }
            }
        }
    }
}
