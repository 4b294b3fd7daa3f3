package io.jenkins.plugins.devsecops.sast.ir;

import java.util.List;
import java.util.Map;

/**
 * One method lowered to IR.
 *
 * @param id a unique id, {@code owner#name/arity}
 * @param owner the fully qualified name of the declaring type
 * @param name the method's name ({@code <init>} for constructors, {@code <clinit>} for initialisers)
 * @param parameters the parameters' local names, in order
 * @param parameterTypes each parameter's declared type as written (resolved where the front end could)
 * @param parameterAnnotations for each parameter, the simple names of its annotations
 * @param annotations the simple names of the annotations on the method and on its class
 * @param isStatic whether there is no {@code this}
 * @param body the statements
 * @param path the source file, relative to the scan root
 * @param line the declaration's line
 * @param returnType the declared return type, {@code void} or null for constructors
 * @param suppressed rule ids suppressed on the method or its class ({@code *} for all)
 * @param localTypes the declared type of each local variable
 */
public record MethodIr(String id, String owner, String name, List<String> parameters, List<String> parameterTypes,
        List<List<String>> parameterAnnotations, List<String> annotations, boolean isStatic, List<Stmt> body, String path, int line, String returnType,
        List<String> suppressed, Map<String, String> localTypes) {

    public MethodIr {
        parameters = List.copyOf(parameters);
        parameterTypes = List.copyOf(parameterTypes);
        parameterAnnotations = parameterAnnotations.stream().map(List::copyOf).toList();
        annotations = List.copyOf(annotations);
        body = List.copyOf(body);
        suppressed = List.copyOf(suppressed);
        localTypes = Map.copyOf(localTypes);
    }

    /** The method's simple display name, {@code Owner.name}. */
    public String displayName() {
        int dot = owner.lastIndexOf('.');
        return owner.substring(dot + 1) + "." + name;
    }
}
