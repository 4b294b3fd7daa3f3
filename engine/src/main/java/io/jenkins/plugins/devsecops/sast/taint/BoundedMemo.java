package io.jenkins.plugins.devsecops.sast.taint;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A memo of a pure function that holds at most {@code 2 × capacity} entries, whatever the size of the program: two
 * generations, the current one and the one before. An entry is put into the current one; once it holds
 * {@code capacity} entries it becomes the previous one (the one before is dropped) and a new current one begins. An
 * entry found only in the previous generation is carried into the current one, so what is used all along stays.
 * Dropping an entry only costs computing it again: what is computed does not depend on what the memo holds.
 *
 * <p>The analysis memoises what each call shape, field name and type meets in the (fixed) program and models. On a
 * tree of a few thousand classes everything fits; on a tree of tens of thousands of generated classes, each with
 * its own receiver types, the memos grew with the program (hundreds of thousands of entries, each keeping its key's
 * strings) and were held until the stage ended. Thread-safe.
 */
final class BoundedMemo<K, V> {

    private final int capacity;
    private volatile ConcurrentHashMap<K, V> current = new ConcurrentHashMap<>();
    private volatile ConcurrentHashMap<K, V> previous = new ConcurrentHashMap<>();

    /** @param capacity how many entries a generation holds (at least 1) */
    BoundedMemo(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** The value memoised for the key, or null. */
    V get(K key) {
        V known = current.get(key);
        if (known == null) {
            known = previous.get(key);
            if (known != null) {
                put(key, known);
            }
        }
        return known;
    }

    /** Memoises a value (not null) for the key. */
    void put(K key, V value) {
        ConcurrentHashMap<K, V> into = current;
        if (into.put(key, value) == null && into.size() >= capacity) {
            turn(into);
        }
    }

    /** The value memoised for the key, computed (and memoised) when there is none. */
    V computeIfAbsent(K key, Function<? super K, ? extends V> compute) {
        V known = get(key);
        if (known == null) {
            known = compute.apply(key);
            put(key, known);
        }
        return known;
    }

    /** How many entries the memo holds now (both generations; an entry in both counted twice). */
    int size() {
        return current.size() + previous.size();
    }

    private synchronized void turn(ConcurrentHashMap<K, V> full) {
        if (current == full) {
            previous = full;
            current = new ConcurrentHashMap<>();
        }
    }
}
