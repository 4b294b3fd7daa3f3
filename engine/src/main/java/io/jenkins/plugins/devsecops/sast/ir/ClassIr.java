package io.jenkins.plugins.devsecops.sast.ir;

import java.util.List;
import java.util.Map;

/**
 * One type of the analysed program: its name, supertypes, fields and methods.
 *
 * @param name the fully qualified name
 * @param supertypes the names of the extended class and implemented interfaces, as resolved as the front end could
 * @param fieldTypes each field's declared type
 * @param isInterface whether it is an interface (or abstract class: either may have many implementations)
 * @param methods the lowered methods, including {@code <init>} and {@code <clinit>}
 * @param path the source file, relative to the scan root
 */
public record ClassIr(String name, List<String> supertypes, Map<String, String> fieldTypes, boolean isInterface,
        List<MethodIr> methods, String path) {

    public ClassIr {
        supertypes = List.copyOf(supertypes);
        fieldTypes = Map.copyOf(fieldTypes);
        methods = List.copyOf(methods);
    }

    /** The simple name, after the last dot or {@code $}. */
    public String simpleName() {
        return TypeNames.simple(name);
    }
}
