package io.jenkins.plugins.devsecops.sast.ir;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared instance of each name (method, parameter, type, annotation, path) and of each list of names that the
 * whole-program analysis keeps for every method until it ends. The front end makes a new string for every name it
 * reads, so a program of 188,000 methods held the same few thousand names (`data`, `request`, `void`,
 * `java.lang.String`) hundreds of thousands of times over, and the same parameter lists as often.
 *
 * <p>Bounded: past {@link #capacity} names (or lists) a name not already in the table is given back as it is, so
 * that a hostile tree of millions of distinct names costs no more than without the table. Thread-safe; what it gives
 * back is always equal to what it was given.
 */
public final class NameTable {

    private final int capacity;
    private final ConcurrentHashMap<String, String> names = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<List<?>, List<?>> lists = new ConcurrentHashMap<>();

    /** @param capacity how many names, and how many lists, the table holds at most */
    public NameTable(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative: " + capacity);
        }
        this.capacity = capacity;
    }

    /** The table's instance of a name equal to this one (null for null). */
    public String name(String name) {
        if (name == null) {
            return null;
        }
        String known = names.get(name);
        if (known != null) {
            return known;
        }
        if (names.size() >= capacity) {
            return name;
        }
        known = names.putIfAbsent(name, name);
        return known == null ? name : known;
    }

    /** The table's instance of an unmodifiable list equal to this one, its names the table's instances. */
    public List<String> names(List<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        String[] shared = new String[names.size()];
        for (int i = 0; i < shared.length; i++) {
            shared[i] = name(names.get(i));
        }
        return list(List.of(shared));
    }

    /** The table's instance of an unmodifiable list of lists equal to this one, each inner list as {@link #names}. */
    public List<List<String>> lists(List<List<String>> lists) {
        if (lists.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<String>[] shared = new List[lists.size()];
        for (int i = 0; i < shared.length; i++) {
            shared[i] = names(lists.get(i));
        }
        return list(List.of(shared));
    }

    /** How many names the table holds. */
    public int size() {
        return names.size();
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> list(List<T> list) {
        List<?> known = lists.get(list);
        if (known != null) {
            return (List<T>) known;
        }
        if (lists.size() >= capacity) {
            return list;
        }
        known = lists.putIfAbsent(list, list);
        return known == null ? list : (List<T>) known;
    }
}
