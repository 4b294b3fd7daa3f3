package io.jenkins.plugins.devsecops.sast.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.expr.Name;
import io.jenkins.plugins.devsecops.sast.ir.TypeNames;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Resolves the type names written in one compilation unit to qualified names without a class path: single-type
 * imports, types declared in the file, {@code java.lang}, and otherwise the name as written (matched by simple name
 * later, which covers wildcard imports).
 */
final class TypeScope {

    private static final Set<String> JAVA_LANG = Set.of("String", "Object", "System", "Math", "Runtime",
            "ProcessBuilder", "StringBuilder", "StringBuffer", "Integer", "Long", "Short", "Byte", "Character",
            "Boolean", "Double", "Float", "Number", "Thread", "Class", "ClassLoader", "Exception",
            "RuntimeException", "Throwable", "Iterable", "CharSequence", "Enum", "Record", "Process");

    private final String packageName;
    private final Map<String, String> imported = new HashMap<>();
    private final Set<String> declared = new HashSet<>();

    TypeScope(CompilationUnit unit) {
        packageName = unit.getPackageDeclaration().map(p -> dotted(p.getName())).orElse("");
        for (ImportDeclaration declaration : unit.getImports()) {
            if (!declaration.isAsterisk() && !declaration.isStatic()) {
                String name = dotted(declaration.getName());
                imported.put(TypeNames.simple(name), name);
            }
        }
        unit.getTypes().forEach(t -> collect(t, ""));
    }

    /**
     * A qualified name as {@link Name#asString()} writes it (its identifiers joined by dots), built once instead of
     * once per qualifier.
     */
    static String dotted(Name name) {
        if (name.getQualifier().isEmpty()) {
            return name.getIdentifier();
        }
        int parts = 0;
        int length = -1;
        for (Name part = name; part != null; part = part.getQualifier().orElse(null)) {
            parts++;
            length += part.getIdentifier().length() + 1;
        }
        String[] identifiers = new String[parts];
        Name part = name;
        for (int i = parts - 1; i >= 0; i--) {
            identifiers[i] = part.getIdentifier();
            part = part.getQualifier().orElse(null);
        }
        StringBuilder joined = new StringBuilder(length);
        for (int i = 0; i < parts; i++) {
            if (i > 0) {
                joined.append('.');
            }
            joined.append(identifiers[i]);
        }
        return joined.toString();
    }

    private void collect(com.github.javaparser.ast.body.TypeDeclaration<?> type, String outer) {
        String name = outer.isEmpty() ? type.getNameAsString() : outer + "$" + type.getNameAsString();
        declared.add(type.getNameAsString());
        for (var member : type.getMembers()) {
            if (member instanceof com.github.javaparser.ast.body.TypeDeclaration<?> nested) {
                collect(nested, name);
            }
        }
    }

    String packageName() {
        return packageName;
    }

    /** The qualified name of a type written as {@code written} (generic arguments and arrays erased). */
    String resolve(String written) {
        String erased = TypeNames.erase(written);
        if (erased == null || erased.isEmpty()) {
            return erased;
        }
        if (erased.indexOf('.') > 0) {
            String first = erased.substring(0, erased.indexOf('.'));
            if (imported.containsKey(first)) {
                return imported.get(first) + erased.substring(first.length());
            }
            return erased;
        }
        String found = imported.get(erased);
        if (found != null) {
            return found;
        }
        if (declared.contains(erased)) {
            return packageName.isEmpty() ? erased : packageName + "." + erased;
        }
        if (JAVA_LANG.contains(erased)) {
            return "java.lang." + erased;
        }
        return erased;
    }

    /** Whether a simple name in this file names a type (imported, declared or {@code java.lang}). */
    boolean isKnownType(String simpleName) {
        return imported.containsKey(simpleName) || declared.contains(simpleName) || JAVA_LANG.contains(simpleName);
    }
}
