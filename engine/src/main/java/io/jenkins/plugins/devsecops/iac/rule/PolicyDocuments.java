package io.jenkins.plugins.devsecops.iac.rule;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads AWS IAM policy documents, whichever way they were written: JSON in a heredoc or string, {@code jsonencode},
 * CloudFormation {@code PolicyDocument}s, or Terraform {@code aws_iam_policy_document} statement blocks.
 */
public final class PolicyDocuments {

    private PolicyDocuments() {
    }

    /**
     * One statement, normalised.
     *
     * @param allow whether the effect is Allow
     * @param actions its actions (or NotActions, prefixed {@code !})
     * @param resources its resources
     * @param principals its principals, flattened
     * @param conditional whether it has a condition
     * @param node the statement, for its line
     */
    public record Statement(boolean allow, List<IacNode.Scalar> actions, List<IacNode.Scalar> resources,
            List<IacNode.Scalar> principals, boolean conditional, IacNode node) {

        /** The action or resource {@code *}-like scalar at which a wildcard is granted, if any. */
        public IacNode.Scalar wildcardAction() {
            return actions.stream().filter(a -> a.text().equals("*") || a.text().endsWith(":*")).findFirst()
                    .orElse(null);
        }

        public boolean hasFullWildcardAction() {
            return actions.stream().anyMatch(a -> a.text().equals("*") || a.text().equals("*:*"));
        }

        public IacNode.Scalar wildcardResource() {
            return resources.stream().filter(r -> r.text().equals("*")).findFirst().orElse(null);
        }

        public IacNode.Scalar wildcardPrincipal() {
            return principals.stream().filter(p -> p.text().equals("*")).findFirst().orElse(null);
        }
    }

    /** The statements of a JSON-shaped policy document, or of a string holding one. */
    public static List<Statement> statements(IacNode document) {
        List<Statement> statements = new ArrayList<>();
        if (!(document instanceof IacNode.Mapping policy)) {
            return statements;
        }
        IacNode declared = policy.get("Statement").orElse(null);
        if (declared == null) {
            return statements;
        }
        for (IacNode node : IacNode.flatten(declared)) {
            if (node instanceof IacNode.Mapping statement) {
                boolean allow = statement.text("Effect").map(e -> e.equalsIgnoreCase("Allow")).orElse(true);
                statements.add(new Statement(allow, scalarsOf(statement, "Action", line(statement)),
                        scalarsOf(statement, "Resource", line(statement)), principals(statement.get("Principal")
                        .orElse(null), line(statement)), statement.has("Condition"), statement));
            }
        }
        return statements;
    }

    /** The statements of a Terraform {@code aws_iam_policy_document} body. */
    public static List<Statement> terraformStatements(IacNode.Mapping body) {
        List<Statement> statements = new ArrayList<>();
        for (IacNode.Mapping statement : body.mappings("statement")) {
            boolean allow = statement.text("effect").map(e -> e.equalsIgnoreCase("Allow")).orElse(true);
            List<IacNode.Scalar> principals = new ArrayList<>();
            principals.addAll(statement.scalars("principals.identifiers"));
            statements.add(new Statement(allow, scalarsOf(statement, "actions", statement.line()),
                    scalarsOf(statement, "resources", statement.line()), principals, statement.has("condition"),
                    statement));
        }
        return statements;
    }

    private static int line(IacNode node) {
        return node.line();
    }

    private static List<IacNode.Scalar> scalarsOf(IacNode.Mapping statement, String key, int fallbackLine) {
        List<IacNode.Scalar> result = new ArrayList<>();
        for (IacNode node : statement.all(key)) {
            if (node instanceof IacNode.Scalar scalar) {
                result.add(scalar.line() > 0 ? scalar : scalar.atLine(fallbackLine));
            }
        }
        return result;
    }

    private static List<IacNode.Scalar> principals(IacNode principal, int line) {
        List<IacNode.Scalar> result = new ArrayList<>();
        if (principal instanceof IacNode.Scalar scalar) {
            result.add(scalar);
        } else if (principal instanceof IacNode.Mapping mapping) {
            for (IacNode value : mapping.entries().values()) {
                for (IacNode item : IacNode.flatten(value)) {
                    if (item instanceof IacNode.Scalar scalar) {
                        result.add(scalar);
                    }
                }
            }
        }
        return result;
    }

    /**
     * A check of the policy document under {@code key}: every Allow statement whose principal is {@code *} and that
     * has no condition.
     */
    public static ResourceCheck anyPrincipal(String key) {
        return (r, t, h) -> r.body().get(key).ifPresent(policy -> {
            for (Statement s : statements(policy)) {
                if (s.allow() && s.wildcardPrincipal() != null && !s.conditional()) {
                    h.at(r, s.wildcardPrincipal(), key, "Principal is '*' without a condition");
                }
            }
        });
    }

    /** Whether a name suggests a secret: password, secret, token, private or access key, credentials. */
    public static boolean isSecretName(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replace('-', '_');
        return lower.contains("password") || lower.contains("passwd") || lower.contains("secret")
                || lower.endsWith("token") || lower.contains("_token") || lower.contains("api_key")
                || lower.contains("apikey") || lower.contains("access_key") || lower.contains("private_key")
                || lower.contains("credential");
    }

    /** Whether a scalar is a literal that looks like an actual secret value rather than a reference or placeholder. */
    public static boolean isLiteralSecret(IacNode.Scalar value) {
        if (!value.isLiteral() || value.kind() != IacNode.ScalarKind.STRING && value.kind() != IacNode.ScalarKind.NUMBER) {
            return false;
        }
        String text = value.text().strip();
        return text.length() >= 4 && !text.contains("${") && !text.startsWith("{{resolve:")
                && !text.startsWith("$(") && !text.startsWith("@Microsoft.KeyVault(")
                && !text.startsWith("arn:aws:secretsmanager:") && !text.startsWith("arn:aws:ssm:");
    }
}
