package io.jenkins.plugins.devsecops.sast.ir;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One method lowered to IR. An immutable value (equal when every component is equal, like a record); a class rather
 * than a record only so that it can keep its {@link #displayName()}, asked for at every call the analysis follows
 * into a project method.
 */
public final class MethodIr {

    /** The id when it is not {@code owner#name/arity} (overloads of one arity), else null: made when asked for. */
    private final String id;
    /** Whether the id is {@code owner#name/arity}, not kept. */
    private final boolean plainId;
    private final String owner;
    private final String name;
    private final List<String> parameters;
    private final List<String> parameterTypes;
    private final List<List<String>> parameterAnnotations;
    private final List<String> annotations;
    private final boolean isStatic;
    private final List<Stmt> body;
    private final String path;
    private final int line;
    private final String returnType;
    private final List<String> suppressed;
    private final Map<String, String> localTypes;
    /**
     * Where the body of this stub waits, as a number the one who made the stub gave ({@link #stub(NameTable, int)}),
     * or -1 (a whole method, or a stub made without one). Not part of the value: equality ignores it.
     */
    private int bodyIndex = -1;
    /** {@link #displayName()}, made when first asked for (a race makes it twice, equal). */
    private String displayName;

    /**
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
    public MethodIr(String id, String owner, String name, List<String> parameters, List<String> parameterTypes,
            List<List<String>> parameterAnnotations, List<String> annotations, boolean isStatic, List<Stmt> body,
            String path, int line, String returnType, List<String> suppressed, Map<String, String> localTypes) {
        this.plainId = isPlain(id, owner, name, parameters.size());
        this.id = plainId ? null : id;
        this.owner = owner;
        this.name = name;
        this.parameters = List.copyOf(parameters);
        this.parameterTypes = List.copyOf(parameterTypes);
        this.parameterAnnotations = copyOfLists(parameterAnnotations);
        this.annotations = List.copyOf(annotations);
        this.isStatic = isStatic;
        this.body = List.copyOf(body);
        this.path = path;
        this.line = line;
        this.returnType = returnType;
        this.suppressed = List.copyOf(suppressed);
        this.localTypes = Map.copyOf(localTypes);
    }

    /**
     * An unmodifiable copy of a list of lists, each unmodifiable; a list that already is one (as when a method is
     * rebuilt from another) is kept as it is: {@link List#copyOf} returns an unmodifiable list itself.
     */
    static <T> List<List<T>> copyOfLists(List<List<T>> lists) {
        List<List<T>> copy = List.copyOf(lists);
        for (int i = 0; i < copy.size(); i++) {
            List<T> each = copy.get(i);
            List<T> unmodifiable = List.copyOf(each);
            if (unmodifiable != each) {
                @SuppressWarnings("unchecked")
                List<T>[] all = copy.toArray(new List[0]);
                all[i] = unmodifiable;
                for (int j = i + 1; j < all.length; j++) {
                    all[j] = List.copyOf(all[j]);
                }
                return List.of(all);
            }
        }
        return copy;
    }

    /**
     * The id. Most are {@code owner#name/arity}, made from the owner and name (shared with other methods) when asked
     * for instead of kept: a program of 188,000 methods held 26 MB of ids, each as long as its class's name.
     */
    public String id() {
        return plainId ? owner + "#" + name + "/" + parameters.size() : id;
    }

    /** {@code id().hashCode()}, without making the id. */
    public int idHash() {
        if (!plainId) {
            return Objects.hashCode(id);
        }
        int h = owner.hashCode() * 31 + '#';
        for (int i = 0; i < name.length(); i++) {
            h = h * 31 + name.charAt(i);
        }
        h = h * 31 + '/';
        String arity = Integer.toString(parameters.size());
        for (int i = 0; i < arity.length(); i++) {
            h = h * 31 + arity.charAt(i);
        }
        return h;
    }

    /** {@code id().equals(other.id())}, without making the ids where both are {@code owner#name/arity}. */
    public boolean sameId(MethodIr other) {
        if (other == this) {
            return true;
        }
        if (plainId && other.plainId) {
            return parameters.size() == other.parameters.size() && name.equals(other.name)
                    && owner.equals(other.owner);
        }
        return Objects.equals(id(), other.id());
    }

    /** Whether the id is {@code owner#name/arity}. */
    private static boolean isPlain(String id, String owner, String name, int arity) {
        if (id == null || owner == null || name == null) {
            return false;
        }
        String suffix = Integer.toString(arity);
        int length = owner.length() + 1 + name.length() + 1 + suffix.length();
        return id.length() == length && id.startsWith(owner) && id.charAt(owner.length()) == '#'
                && id.startsWith(name, owner.length() + 1) && id.charAt(owner.length() + 1 + name.length()) == '/'
                && id.endsWith(suffix);
    }

    /** The number given to this stub for where its body waits, or -1 (see {@link #stub(NameTable, int)}). */
    public int bodyIndex() {
        return bodyIndex;
    }

    public String owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    public List<String> parameters() {
        return parameters;
    }

    public List<String> parameterTypes() {
        return parameterTypes;
    }

    public List<List<String>> parameterAnnotations() {
        return parameterAnnotations;
    }

    public List<String> annotations() {
        return annotations;
    }

    public boolean isStatic() {
        return isStatic;
    }

    public List<Stmt> body() {
        return body;
    }

    public String path() {
        return path;
    }

    public int line() {
        return line;
    }

    public String returnType() {
        return returnType;
    }

    public List<String> suppressed() {
        return suppressed;
    }

    public Map<String, String> localTypes() {
        return localTypes;
    }

    /** The method's simple display name, {@code Owner.name}. */
    public String displayName() {
        String known = displayName;
        if (known == null) {
            int dot = owner.lastIndexOf('.');
            known = owner.substring(dot + 1) + "." + name;
            displayName = known;
        }
        return known;
    }

    /**
     * This method with another body and local types, everything else the same (the same instances): how a method
     * kept as a stub gets its body back.
     */
    public MethodIr withBody(List<Stmt> newBody, Map<String, String> newLocalTypes) {
        return new MethodIr(this, List.copyOf(newBody), Map.copyOf(newLocalTypes));
    }

    /**
     * This method without its body and local types, every name in it (owner, name, parameters and their types,
     * annotations, path, return type, suppressed rules) the table's shared instance: what the whole-program analysis
     * keeps of each method while its body waits elsewhere. Equal to {@code withBody(List.of(), Map.of())}.
     */
    public MethodIr stub(NameTable names) {
        return stub(names, -1);
    }

    /**
     * {@link #stub(NameTable)}, with the number of the place where its body waits ({@link #bodyIndex}): kept in the
     * stub, so that the one keeping the bodies needs no map from stubs to places.
     */
    public MethodIr stub(NameTable names, int bodyIndex) {
        MethodIr stub = new MethodIr(id(), names.name(owner), names.name(name), names.names(parameters),
                names.names(parameterTypes), names.lists(parameterAnnotations), names.names(annotations), isStatic,
                List.of(), names.name(path), line, names.name(returnType), names.names(suppressed), Map.of());
        stub.displayName = displayName;
        stub.bodyIndex = bodyIndex;
        return stub;
    }

    /** {@link #withBody} for a body and local types already unmodifiable (as the codec makes them). */
    MethodIr(MethodIr other, List<Stmt> body, Map<String, String> localTypes) {
        this.id = other.id;
        this.plainId = other.plainId;
        this.owner = other.owner;
        this.name = other.name;
        this.parameters = other.parameters;
        this.parameterTypes = other.parameterTypes;
        this.parameterAnnotations = other.parameterAnnotations;
        this.annotations = other.annotations;
        this.isStatic = other.isStatic;
        this.body = body;
        this.path = other.path;
        this.line = other.line;
        this.returnType = other.returnType;
        this.suppressed = other.suppressed;
        this.localTypes = localTypes;
        this.displayName = other.displayName;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof MethodIr m && isStatic == m.isStatic && line == m.line
                && Objects.equals(id(), m.id()) && Objects.equals(owner, m.owner) && Objects.equals(name, m.name)
                && parameters.equals(m.parameters) && parameterTypes.equals(m.parameterTypes)
                && parameterAnnotations.equals(m.parameterAnnotations) && annotations.equals(m.annotations)
                && body.equals(m.body) && Objects.equals(path, m.path) && Objects.equals(returnType, m.returnType)
                && suppressed.equals(m.suppressed) && localTypes.equals(m.localTypes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id(), owner, name, parameters, parameterTypes, parameterAnnotations, annotations, isStatic,
                body, path, line, returnType, suppressed, localTypes);
    }

    @Override
    public String toString() {
        return "MethodIr[id=" + id() + ", owner=" + owner + ", name=" + name + ", parameters=" + parameters
                + ", parameterTypes=" + parameterTypes + ", parameterAnnotations=" + parameterAnnotations
                + ", annotations=" + annotations + ", isStatic=" + isStatic + ", body=" + body + ", path=" + path
                + ", line=" + line + ", returnType=" + returnType + ", suppressed=" + suppressed + ", localTypes="
                + localTypes + "]";
    }
}
