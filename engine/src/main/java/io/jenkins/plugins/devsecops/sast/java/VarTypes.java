package io.jenkins.plugins.devsecops.sast.java;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.VarType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Java 10's post-processing of a parsed tree, as JavaParser's {@code Java10PostProcessor} does it (the only
 * post-processing up to Java 21's): every class type named {@code var}, in pre-order, whose parent is not a class
 * literal ({@code var.class}), is replaced by a {@link VarType} over the same tokens. The same types in the same order
 * as its {@code findAll}, found by a walk that does not ask names, modifiers and literals for their children (none
 * holds a type; each would make a list) and without the synchronised stack of JavaParser's pre-order iterator: the
 * post-processing was 4 % of the front end's CPU for the files that write {@code var}.
 */
final class VarTypes {

    private VarTypes() {
    }

    /** Replaces the {@code var} types below {@code root}. */
    static void replace(Node root) {
        List<ClassOrInterfaceType> named = new ArrayList<>();
        collect(root, named);
        replaceEach(named);
    }

    /**
     * The post-processing for the class types named {@code var} of a tree, found in pre-order by a walk the caller
     * made anyway ({@link TreeNodes}): {@code false}, leaving the tree unchanged, if one of them has more than its name
     * (a scope, type arguments or annotations, whose nodes the walk also collected), or, with the tree in any state,
     * if a replacement fails (as for {@code new var()}, where the post-processing would have failed the parse too).
     * Otherwise the types are replaced as {@link #replace(Node)} replaces them, and none held another.
     */
    static boolean replace(List<ClassOrInterfaceType> named) {
        for (ClassOrInterfaceType type : named) {
            if (type.getChildNodes().size() != 1) {
                return false;
            }
        }
        try {
            replaceEach(named);
        } catch (RuntimeException e) {
            return false;
        }
        return true;
    }

    private static void replaceEach(List<ClassOrInterfaceType> named) {
        for (ClassOrInterfaceType type : named) {
            Optional<Node> parent = type.getParentNode();
            if (!(parent.isPresent() && parent.get() instanceof ClassExpr)) {
                type.replace(new VarType(type.getTokenRange().orElse(null)));
            }
        }
    }

    /** The class types named {@code var} below {@code node}, in pre-order (recursive: parse threads have deep stacks). */
    private static void collect(Node node, List<ClassOrInterfaceType> named) {
        if (node instanceof SimpleName || node instanceof NameExpr || node instanceof Name
                || node instanceof Modifier || node instanceof LiteralExpr) {
            return;
        }
        if (node instanceof ClassOrInterfaceType type && type.getName().getIdentifier().equals("var")) {
            named.add(type);
        }
        List<Node> children = node.getChildNodes();
        for (int i = 0, n = children.size(); i < n; i++) {
            collect(children.get(i), named);
        }
    }
}
