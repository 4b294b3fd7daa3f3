package io.jenkins.plugins.devsecops.sast.rules;

import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import io.jenkins.plugins.devsecops.sast.java.TreeNodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks one compilation unit against every {@link SyntaxRule}. Never throws on odd input. */
public final class SyntaxRules {

    private static final Set<String> XML_FACTORIES = Set.of("DocumentBuilderFactory", "SAXParserFactory",
            "XMLInputFactory", "TransformerFactory", "SchemaFactory", "SAXTransformerFactory", "SAXBuilder",
            "SAXReader", "XMLReaderFactory");
    private static final List<String> XML_HARDENING = List.of("disallow-doctype-decl", "external-general-entities",
            "FEATURE_SECURE_PROCESSING", "SUPPORT_DTD", "ACCESS_EXTERNAL_DTD", "IS_SUPPORTING_EXTERNAL_ENTITIES",
            "setExpandEntityReferences", "load-external-dtd", "ACCESS_EXTERNAL_STYLESHEET", "ACCESS_EXTERNAL_SCHEMA");
    private static final Set<String> WEAK_PROTOCOLS = Set.of("SSLv2", "SSLv3", "SSLv2Hello", "TLSv1", "TLSv1.1");

    private SyntaxRules() {
    }

    /** The rule hits in one file, whose source text is {@code text} (searched for hardening and configuration). */
    public static List<SyntaxFinding> check(CompilationUnit unit, String path, String text) {
        TreeNodes nodes;
        try {
            nodes = TreeNodes.of(unit);
        } catch (RuntimeException e) {
            return new ArrayList<>();
        }
        return check(nodes, path, text);
    }

    /**
     * The rule hits in one file, from the nodes the front end collected in its walk of the file's tree (the rules look
     * at the method calls, object creations and class declarations, one walk for all of them).
     */
    public static List<SyntaxFinding> check(TreeNodes nodes, String path, String text) {
        List<SyntaxFinding> hits = new ArrayList<>();
        try {
            keys(nodes, path, hits);
            trustManagers(nodes, path, hits);
            hostnameVerifiers(nodes, path, hits);
            xml(nodes, text, path, hits);
            deserialisation(nodes, text, path, hits);
            csrf(nodes, path, hits);
            tls(nodes, path, hits);
        } catch (RuntimeException | StackOverflowError e) {
            // a rule that trips over an odd tree gives no hit for that file; the taint analysis still runs
        }
        return hits;
    }

    private static int line(Node node) {
        Optional<Range> range = node.getRange();
        return range.isPresent() ? range.get().begin.line : 0;
    }

    private static String method(Node node) {
        String name = node.findAncestor(CallableDeclaration.class).map(c -> ((CallableDeclaration<?>) c)
                .getNameAsString()).orElse("<init>");
        String owner = node.findAncestor(TypeDeclaration.class).map(t -> ((TypeDeclaration<?>) t)
                .getNameAsString()).orElse("?");
        return owner + "." + name;
    }

    private static void add(List<SyntaxFinding> hits, SyntaxRule rule, String path, Node node, String detail) {
        hits.add(new SyntaxFinding(rule, path, line(node), method(node), detail));
    }

    private static boolean isLiteralBytes(Expression e) {
        if (e instanceof ArrayCreationExpr a) {
            return a.getInitializer().map(SyntaxRules::allLiterals).orElse(false);
        }
        if (e instanceof ArrayInitializerExpr init) {
            return allLiterals(init);
        }
        return e instanceof MethodCallExpr call && call.getNameAsString().equals("getBytes")
                && call.getScope().filter(StringLiteralExpr.class::isInstance).isPresent();
    }

    private static boolean allLiterals(ArrayInitializerExpr init) {
        return !init.getValues().isEmpty() && init.getValues().stream().allMatch(v -> v.isLiteralExpr()
                || v.isUnaryExpr() && v.asUnaryExpr().getExpression().isLiteralExpr()
                || v.isCastExpr() && v.asCastExpr().getExpression().isLiteralExpr());
    }

    private static void keys(TreeNodes nodes, String path, List<SyntaxFinding> hits) {
        for (ObjectCreationExpr creation : nodes.creations()) {
            String type = creation.getType().getNameAsString();
            if ((type.equals("SecretKeySpec") || type.equals("IvParameterSpec") || type.equals("PBEKeySpec")
                    || type.equals("DESKeySpec")) && !creation.getArguments().isEmpty()
                    && isLiteralBytes(creation.getArgument(0))) {
                add(hits, SyntaxRule.HARD_CODED_KEY, path, creation, "new " + type + "(...) from a literal");
            }
        }
    }

    private static boolean implementsType(Node type, String name) {
        if (type instanceof ClassOrInterfaceDeclaration c) {
            return c.getImplementedTypes().stream().anyMatch(t -> t.getNameAsString().equals(name))
                    || c.getExtendedTypes().stream().anyMatch(t -> t.getNameAsString().equals(name));
        }
        if (type instanceof ObjectCreationExpr o) {
            return o.getAnonymousClassBody().isPresent() && o.getType().getNameAsString().equals(name);
        }
        return false;
    }

    private static List<MethodDeclaration> methods(Node type) {
        return type.findAll(MethodDeclaration.class).stream()
                .filter(m -> m.getParentNode().orElse(null) == type).toList();
    }

    private static void trustManagers(TreeNodes nodes, String path, List<SyntaxFinding> hits) {
        List<Node> types = new ArrayList<>(nodes.classes());
        types.addAll(nodes.creations());
        for (Node type : types) {
            if (!implementsType(type, "X509TrustManager") && !implementsType(type, "X509ExtendedTrustManager")
                    && !implementsType(type, "TrustManager")) {
                continue;
            }
            for (MethodDeclaration m : methods(type)) {
                if (m.getNameAsString().equals("checkServerTrusted") && m.getBody().isPresent()
                        && m.getBody().get().findAll(ThrowStmt.class).isEmpty()
                        && m.getBody().get().findAll(MethodCallExpr.class).isEmpty()) {
                    add(hits, SyntaxRule.TRUST_ALL_CERTIFICATES, path, m,
                            "checkServerTrusted accepts every certificate");
                }
            }
        }
    }

    private static boolean returnsTrue(MethodDeclaration m) {
        List<ReturnStmt> returns = m.findAll(ReturnStmt.class);
        return !returns.isEmpty() && returns.stream().allMatch(r -> r.getExpression()
                .filter(e -> e instanceof BooleanLiteralExpr b && b.getValue()).isPresent());
    }

    private static void hostnameVerifiers(TreeNodes nodes, String path, List<SyntaxFinding> hits) {
        List<Node> types = new ArrayList<>(nodes.classes());
        types.addAll(nodes.creations());
        for (Node type : types) {
            if (!implementsType(type, "HostnameVerifier")) {
                continue;
            }
            for (MethodDeclaration m : methods(type)) {
                if (m.getNameAsString().equals("verify") && returnsTrue(m)) {
                    add(hits, SyntaxRule.HOSTNAME_VERIFIER_TRUE, path, m, "verify(...) always returns true");
                }
            }
        }
        for (MethodCallExpr call : nodes.calls()) {
            String name = call.getNameAsString();
            if ((name.equals("setHostnameVerifier") || name.equals("setDefaultHostnameVerifier")
                    || name.equals("hostnameVerifier")) && call.getArguments().size() == 1) {
                Expression arg = call.getArgument(0);
                boolean acceptsAll = arg instanceof LambdaExpr lambda && lambda.getExpressionBody()
                        .filter(e -> e instanceof BooleanLiteralExpr b && b.getValue()).isPresent()
                        || arg.toString().endsWith("NoopHostnameVerifier.INSTANCE")
                        || arg.toString().contains("ALLOW_ALL_HOSTNAME_VERIFIER")
                        || arg instanceof ObjectCreationExpr o && o.getType().getNameAsString()
                                .equals("NoopHostnameVerifier");
                if (acceptsAll) {
                    add(hits, SyntaxRule.HOSTNAME_VERIFIER_TRUE, path, call, name + "(...) accepting every host");
                }
            }
        }
    }

    private static void xml(TreeNodes nodes, String text, String path, List<SyntaxFinding> hits) {
        for (MethodCallExpr call : nodes.calls()) {
            String name = call.getNameAsString();
            if (!(name.equals("newInstance") || name.equals("newFactory") || name.equals("createXMLReader")
                    || name.equals("newDefaultInstance"))) {
                continue;
            }
            String scope = call.getScope().map(Object::toString).orElse("");
            String factory = scope.substring(scope.lastIndexOf('.') + 1);
            if (!XML_FACTORIES.contains(factory)) {
                continue;
            }
            if (XML_HARDENING.stream().noneMatch(text::contains)) {
                add(hits, SyntaxRule.XXE, path, call, factory + "." + name + "() without disabling DTDs or "
                        + "external entities");
            }
        }
    }

    private static void deserialisation(TreeNodes nodes, String text, String path, List<SyntaxFinding> hits) {
        for (MethodCallExpr call : nodes.calls()) {
            String name = call.getNameAsString();
            if ((name.equals("readObject") || name.equals("readUnshared")) && call.getArguments().isEmpty()
                    && call.getScope().isPresent()) {
                if (call.findAncestor(MethodDeclaration.class).filter(m -> m.getNameAsString().equals("readObject")
                        && m.getParameters().size() == 1).isPresent()) {
                    continue; // custom serialisation hook: defaultReadObject-style code
                }
                if (text.contains("ObjectInputStream") && !text.contains("setObjectInputFilter")
                        && !text.contains("ValidatingObjectInputStream")) {
                    add(hits, SyntaxRule.OBJECT_DESERIALIZATION, path, call, call.getScope().get() + "." + name
                            + "()");
                }
            }
            if (name.equals("enableDefaultTyping") || name.equals("activateDefaultTyping")
                    || name.equals("enableDefaultTypingAsProperty")) {
                add(hits, SyntaxRule.JACKSON_DEFAULT_TYPING, path, call, name + "(...)");
            }
        }
        for (ObjectCreationExpr creation : nodes.creations()) {
            String type = creation.getType().getNameAsString();
            if (type.equals("XStream") && !text.contains("addPermission") && !text.contains("allowTypes")
                    && !text.contains("setupDefaultSecurity")) {
                add(hits, SyntaxRule.XSTREAM_UNRESTRICTED, path, creation, "new XStream(...)");
            }
            if (type.equals("Yaml") && creation.getArguments().isEmpty() && text.contains("org.yaml.snakeyaml")
                    && !text.contains("SafeConstructor")) {
                add(hits, SyntaxRule.SNAKEYAML_UNSAFE, path, creation, "new Yaml() with the default constructor");
            }
        }
    }

    private static void csrf(TreeNodes nodes, String path, List<SyntaxFinding> hits) {
        for (MethodCallExpr call : nodes.calls()) {
            if (call.getNameAsString().equals("disable") && call.getScope().filter(s -> s instanceof MethodCallExpr m
                    && m.getNameAsString().equals("csrf")).isPresent()) {
                add(hits, SyntaxRule.CSRF_DISABLED, path, call, "csrf().disable()");
            }
            if (call.getNameAsString().equals("csrf") && call.getArguments().size() == 1) {
                Expression arg = call.getArgument(0);
                boolean disables = arg instanceof MethodReferenceExpr ref && ref.getIdentifier().equals("disable")
                        || arg instanceof LambdaExpr lambda && lambda.getBody().toString().contains(".disable()");
                if (disables) {
                    add(hits, SyntaxRule.CSRF_DISABLED, path, call, "csrf(...disable)");
                }
            }
        }
    }

    private static void tls(TreeNodes nodes, String path, List<SyntaxFinding> hits) {
        for (MethodCallExpr call : nodes.calls()) {
            String name = call.getNameAsString();
            if (!name.equals("setEnabledProtocols") && !name.equals("setProtocols")) {
                continue;
            }
            for (StringLiteralExpr literal : call.findAll(StringLiteralExpr.class)) {
                if (WEAK_PROTOCOLS.contains(literal.asString())) {
                    add(hits, SyntaxRule.WEAK_TLS, path, call, name + " enables " + literal.asString());
                    break;
                }
            }
        }
    }
}
