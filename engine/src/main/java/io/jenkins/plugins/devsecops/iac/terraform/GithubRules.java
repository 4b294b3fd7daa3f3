package io.jenkins.plugins.devsecops.iac.terraform;

import static io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.atLeast;
import static io.jenkins.plugins.devsecops.iac.rule.AttributeChecks.literalSecret;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.isTrue;
import static io.jenkins.plugins.devsecops.iac.rule.ResourceRules.notTrue;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.model.IacPlatform;
import io.jenkins.plugins.devsecops.iac.model.IacResource;
import io.jenkins.plugins.devsecops.iac.rule.IacRule;
import io.jenkins.plugins.devsecops.iac.rule.ResourceCheck;
import io.jenkins.plugins.devsecops.iac.rule.ResourceRules;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.List;
import java.util.Optional;

/** Terraform rules for the GitHub provider: repositories, branch protection, webhooks and Actions secrets. */
public final class GithubRules {

    private static final String PROTECTION = "github_branch_protection, github_branch_protection_v3";
    private static final String SECRETS = "github_actions_secret, github_actions_environment_secret, "
            + "github_actions_organization_secret, github_dependabot_secret, github_dependabot_organization_secret, "
            + "github_codespaces_secret";

    private GithubRules() {
    }

    private static IacRule rule(String id, Severity severity, String cwe, String title, String remediation,
            String types, ResourceCheck check) {
        return ResourceRules.rule(id, IacPlatform.TERRAFORM, severity, cwe, title, remediation, types, check);
    }

    /** Every GitHub rule. */
    public static List<IacRule> rules() {
        return List.of(
                rule("github-repo-public", Severity.MEDIUM, "CWE-200", "GitHub repository is public",
                        "Set visibility = \"private\" (or \"internal\") unless the code is meant to be open source.",
                        "github_repository", (r, t, h) -> {
                            Optional<IacNode.Scalar> visibility = r.body().scalar("visibility");
                            Optional<IacNode.Scalar> isPrivate = r.body().scalar("private");
                            if (visibility.isPresent()) {
                                if (visibility.get().text().equalsIgnoreCase("public")) {
                                    h.at(r, visibility.get(), "visibility", "anyone can read the code");
                                }
                            } else if (isPrivate.isPresent()) {
                                if (isPrivate.get().isFalse()) {
                                    h.at(r, isPrivate.get(), "private", "anyone can read the code");
                                }
                            } else if (!r.body().has("visibility") && !r.body().has("private")) {
                                h.missing(r, "visibility", "repositories are public by default");
                            }
                        }),
                rule("github-repo-no-vulnerability-alerts", Severity.LOW, "CWE-1104",
                        "GitHub repository has Dependabot vulnerability alerts off", "Set vulnerability_alerts = true.",
                        "github_repository", (r, t, h) -> {
                            boolean isPublic = r.body().scalars("visibility").stream()
                                    .anyMatch(s -> s.text().equalsIgnoreCase("public"))
                                    || r.body().scalars("private").stream().anyMatch(IacNode.Scalar::isFalse);
                            if (!isPublic && r.body().scalars("archived").stream().noneMatch(IacNode.Scalar::isTrue)) {
                                notTrue("vulnerability_alerts", "vulnerable dependencies go unreported").check(r, t, h);
                            }
                        }),
                rule("github-repo-no-branch-protection", Severity.MEDIUM, "CWE-284",
                        "GitHub repository has no branch protection",
                        "Add github_branch_protection for the default branch.", "github_repository",
                        (r, t, h) -> {
                            boolean protectedBranch = ResourceRules.companion(t, r, "github_branch_protection",
                                    "repository_id").isPresent()
                                    || ResourceRules.companion(t, r, "github_branch_protection_v3", "repository")
                                            .isPresent()
                                    || ResourceRules.companion(t, r, "github_repository_ruleset", "repository")
                                            .isPresent()
                                    || byName(t.ofType("github_branch_protection_v3"), "repository", r)
                                    || byName(t.ofType("github_branch_protection"), "repository_id", r);
                            if (!protectedBranch && r.body().scalars("archived").stream()
                                    .noneMatch(IacNode.Scalar::isTrue)) {
                                h.missing(r, "github_branch_protection", "no branch protection refers to it");
                            }
                        }),
                rule("github-branch-protection-few-approvals", Severity.MEDIUM, "CWE-284",
                        "Branch protection requires fewer than 2 approving reviews",
                        "Add required_pull_request_reviews { required_approving_review_count = 2 }.", PROTECTION,
                        (r, t, h) -> {
                            if (!r.body().present("required_pull_request_reviews")) {
                                h.missing(r, "required_pull_request_reviews", "changes merge without review");
                            } else {
                                atLeast("required_pull_request_reviews.required_approving_review_count", 2, 1,
                                        "too few reviewers").check(r, t, h);
                            }
                        }),
                rule("github-branch-protection-unsigned-commits", Severity.LOW, "CWE-345",
                        "Branch protection does not require signed commits", "Set require_signed_commits = true.",
                        PROTECTION, notTrue("require_signed_commits", "commit authorship is not verified")),
                rule("github-branch-protection-admin-bypass", Severity.LOW, "CWE-284",
                        "Branch protection does not apply to administrators", "Set enforce_admins = true.", PROTECTION,
                        notTrue("enforce_admins", "administrators may bypass the rules")),
                rule("github-branch-protection-force-push", Severity.MEDIUM, "CWE-284",
                        "Branch protection allows force pushes", "Set allows_force_pushes = false.",
                        "github_branch_protection", isTrue("allows_force_pushes", "history can be rewritten")),
                rule("github-branch-protection-stale-reviews", Severity.LOW, "CWE-284",
                        "Branch protection keeps approvals after new commits",
                        "Set required_pull_request_reviews { dismiss_stale_reviews = true }.", PROTECTION,
                        (r, t, h) -> {
                            for (IacNode.Mapping reviews : r.body().mappings("required_pull_request_reviews")) {
                                Optional<IacNode.Scalar> stale = reviews.scalar("dismiss_stale_reviews");
                                if (stale.isEmpty() || stale.get().isFalse()) {
                                    h.at(r, stale.isPresent() ? stale.get() : reviews,
                                            "required_pull_request_reviews.dismiss_stale_reviews",
                                            "commits pushed after approval need no new review");
                                }
                            }
                        }),
                rule("github-actions-secret-plaintext", Severity.HIGH, "CWE-798",
                        "GitHub Actions secret value is in plain text in the code",
                        "Pass encrypted_value (sealed with the repository public key) or read the value from a "
                                + "variable fed by a secret store.",
                        SECRETS, literalSecret("the secret is in the Terraform code", "plaintext_value")),
                rule("github-org-secret-all-repos", Severity.MEDIUM, "CWE-668",
                        "Organisation secret is visible to every repository",
                        "Set visibility = \"selected\" and list the repositories that need it.",
                        "github_actions_organization_secret, github_dependabot_organization_secret",
                        (r, t, h) -> r.body().scalar("visibility").filter(s -> s.text().equalsIgnoreCase("all"))
                                .ifPresent(s -> h.at(r, s, "visibility", "any repository may read the secret"))),
                rule("github-webhook-insecure", Severity.MEDIUM, "CWE-319",
                        "GitHub webhook sends events without TLS verification",
                        "Use an https:// URL and insecure_ssl = false.",
                        "github_repository_webhook, github_organization_webhook", (r, t, h) -> {
                            for (IacNode.Mapping config : r.body().mappings("configuration")) {
                                config.scalar("url").filter(s -> s.isLiteral() && s.lower().startsWith("http://"))
                                        .ifPresent(s -> h.at(r, s, "configuration.url", "events are sent in clear"));
                                config.scalar("insecure_ssl").filter(s -> s.isTrue() || s.text().equals("1"))
                                        .ifPresent(s -> h.at(r, s, "configuration.insecure_ssl",
                                                "certificates are not verified"));
                            }
                        }));
    }

    private static boolean byName(List<IacResource> others, String key, IacResource repository) {
        Optional<String> name = repository.body().text("name");
        return name.isPresent() && others.stream()
                .anyMatch(o -> o.body().text(key).filter(name.get()::equals).isPresent());
    }
}
