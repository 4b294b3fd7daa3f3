package io.jenkins.plugins.devsecops.sast.taint;

import io.jenkins.plugins.devsecops.sast.ir.MethodIr;

/**
 * A number (slot) for each method id: an open-addressing table of methods compared by id
 * ({@link MethodIr#sameId}), filled by one thread, then read by any. Slots are given in the order ids are first
 * added, so methods with the same id share one. It replaces maps by id string, which kept an id string, a node and
 * an {@code Integer} per method of the program until the analysis ended; the methods are kept anyway.
 */
final class MethodSlots {

    private MethodIr[] methods = new MethodIr[16];
    private int[] slots = new int[16];
    private int size;

    /** The slot of the method's id, a new one (the next number) when no method of that id was added before. */
    int add(MethodIr method) {
        int at = find(method);
        if (methods[at] != null) {
            return slots[at];
        }
        methods[at] = method;
        slots[at] = size++;
        if (size * 2 > methods.length) {
            grow();
        }
        return size - 1;
    }

    /** The slot of the method's id, or -1. */
    int slot(MethodIr method) {
        int at = find(method);
        return methods[at] == null ? -1 : slots[at];
    }

    /** Whether a method of this id was added. */
    boolean contains(MethodIr method) {
        return slot(method) >= 0;
    }

    /** How many slots were given. */
    int size() {
        return size;
    }

    /** Adds each method of another table. */
    void addAll(MethodSlots other) {
        for (MethodIr method : other.methods) {
            if (method != null) {
                add(method);
            }
        }
    }

    private int find(MethodIr method) {
        int mask = methods.length - 1;
        int h = method.idHash() * 0x9E3779B9;
        for (int i = (h ^ h >>> 16) & mask;; i = (i + 1) & mask) {
            MethodIr k = methods[i];
            if (k == null || k.sameId(method)) {
                return i;
            }
        }
    }

    private void grow() {
        MethodIr[] oldMethods = methods;
        int[] oldSlots = slots;
        methods = new MethodIr[oldMethods.length * 2];
        slots = new int[oldMethods.length * 2];
        for (int j = 0; j < oldMethods.length; j++) {
            if (oldMethods[j] != null) {
                int at = find(oldMethods[j]);
                methods[at] = oldMethods[j];
                slots[at] = oldSlots[j];
            }
        }
    }
}
