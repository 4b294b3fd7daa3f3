package io.jenkins.plugins.devsecops.sast.ir;

/**
 * Type names as the front ends know them: fully qualified when resolved, simple when not (a wildcard import), with
 * generic arguments and array brackets removed. Two names match when they are equal or either is simple and the
 * simple names are equal.
 */
public final class TypeNames {

    private TypeNames() {
    }

    /** The simple name: the part after the last dot or {@code $}. */
    public static String simple(String name) {
        if (name == null) {
            return null;
        }
        int cut = Math.max(name.lastIndexOf('.'), name.lastIndexOf('$'));
        return name.substring(cut + 1);
    }

    /** Whether the name carries a package or outer class. */
    public static boolean isQualified(String name) {
        return name != null && name.indexOf('.') > 0;
    }

    /** The erased name: generic arguments and array brackets removed. */
    public static String erase(String name) {
        if (name == null) {
            return null;
        }
        int angle = name.indexOf('<');
        String erased = angle < 0 ? name : name.substring(0, angle);
        int bracket = erased.indexOf('[');
        return (bracket < 0 ? erased : erased.substring(0, bracket)).trim();
    }

    /** Whether two (erased) names can denote the same type. */
    public static boolean matches(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        if (a.equals(b)) {
            return true;
        }
        if (isQualified(a) && isQualified(b)) {
            return false;
        }
        return simple(a).equals(simple(b));
    }
}
