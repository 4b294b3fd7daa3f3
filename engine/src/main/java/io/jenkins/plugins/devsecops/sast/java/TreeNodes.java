package io.jenkins.plugins.devsecops.sast.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes of a parsed file that the front end and the syntax rules look for, from one pre-order walk (the order of
 * {@code findAll}): every method call, object creation and class or interface declaration, the anonymous class
 * creations grouped by their nearest enclosing type declaration, and the class types named {@code var}. The front end walked each type for its anonymous
 * classes and the rules walked the whole tree again; each walk was ~4 % of the front end's CPU.
 *
 * @param calls every method call
 * @param creations every object creation
 * @param classes every class or interface declaration
 * @param anonymous the creations with an anonymous class body, by the nearest type declaration enclosing each
 *     (an anonymous body is not a type declaration: a creation inside one belongs to the type around it)
 * @param varTypes every class type named {@code var} (for Java 10's post-processing, {@link VarTypes})
 */
public record TreeNodes(List<MethodCallExpr> calls, List<ObjectCreationExpr> creations,
        List<ClassOrInterfaceDeclaration> classes, Map<TypeDeclaration<?>, List<ObjectCreationExpr>> anonymous,
        List<ClassOrInterfaceType> varTypes) {

    /** The nodes of {@code unit}, walked with a work list (for callers on threads with ordinary stacks). */
    public static TreeNodes of(CompilationUnit unit) {
        TreeNodes nodes = empty();
        ArrayDeque<Node> work = new ArrayDeque<>();
        ArrayDeque<TypeDeclaration<?>> enclosing = new ArrayDeque<>();
        work.push(unit);
        enclosing.push(NO_TYPE);
        while (!work.isEmpty()) {
            Node node = work.pop();
            TypeDeclaration<?> type = enclosing.pop();
            if (skipped(node)) {
                continue;
            }
            type = nodes.visit(node, type);
            List<Node> children = node.getChildNodes();
            for (int i = children.size() - 1; i >= 0; i--) {
                work.push(children.get(i));
                enclosing.push(type);
            }
        }
        return nodes;
    }

    /** The nodes of {@code unit}, walked recursively: for the parse threads, which have deep stacks. */
    static TreeNodes walk(CompilationUnit unit) {
        TreeNodes nodes = empty();
        nodes.walk(unit, NO_TYPE);
        return nodes;
    }

    /** The anonymous class creations whose nearest enclosing type declaration is {@code type}, in pre-order. */
    public List<ObjectCreationExpr> anonymousIn(TypeDeclaration<?> type) {
        return anonymous.getOrDefault(type, List.of());
    }

    /** Stands for "no type declaration yet" (outside every type): never a key of {@code anonymous}. */
    private static final TypeDeclaration<?> NO_TYPE = new ClassOrInterfaceDeclaration();

    private static TreeNodes empty() {
        return new TreeNodes(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new IdentityHashMap<>(),
                new ArrayList<>());
    }

    private void walk(Node node, TypeDeclaration<?> enclosing) {
        if (skipped(node)) {
            return;
        }
        TypeDeclaration<?> type = visit(node, enclosing);
        List<Node> children = node.getChildNodes();
        for (int i = 0, n = children.size(); i < n; i++) {
            walk(children.get(i), type);
        }
    }

    /** Names, names as expressions, modifiers and literals hold none of the nodes looked for: not walked into. */
    private static boolean skipped(Node node) {
        return node instanceof SimpleName || node instanceof NameExpr || node instanceof Name
                || node instanceof Modifier || node instanceof LiteralExpr;
    }

    /** Records the node; the type declaration its children are in. */
    private TypeDeclaration<?> visit(Node node, TypeDeclaration<?> enclosing) {
        if (node instanceof MethodCallExpr call) {
            calls.add(call);
        } else if (node instanceof ObjectCreationExpr creation) {
            creations.add(creation);
            if (creation.getAnonymousClassBody().isPresent() && enclosing != NO_TYPE) {
                anonymous.computeIfAbsent(enclosing, t -> new ArrayList<>()).add(creation);
            }
        } else if (node instanceof TypeDeclaration<?> declaration) {
            if (declaration instanceof ClassOrInterfaceDeclaration c) {
                classes.add(c);
            }
            return declaration;
        } else if (node instanceof ClassOrInterfaceType type && type.getName().getIdentifier().equals("var")) {
            varTypes.add(type);
        }
        return enclosing;
    }
}
