package io.jenkins.plugins.devsecops.sast.taint;

/**
 * The summaries one analysis read: each method slot with the version of its summary first read. An open-addressing
 * table of ints: the map of boxed slots and versions it replaces allocated at nearly every call the analysis
 * followed into a project method. Not thread-safe (one analysis, one thread; read by others once published).
 */
final class SlotVersions {

    /** Each entry's slot + 1 (0: empty), and its version. */
    private int[] slots;
    private int[] versions;
    private int size;

    /**
     * Records the version of a slot's summary read now: the first version read of each slot is kept. False when the
     * slot was read before at another version.
     */
    boolean read(int slot, int version) {
        if (slots == null) {
            slots = new int[8];
            versions = new int[8];
        }
        int mask = slots.length - 1;
        for (int i = spread(slot) & mask;; i = (i + 1) & mask) {
            int k = slots[i];
            if (k == 0) {
                slots[i] = slot + 1;
                versions[i] = version;
                if (++size * 2 > slots.length) {
                    grow();
                }
                return true;
            }
            if (k == slot + 1) {
                return versions[i] == version;
            }
        }
    }

    boolean contains(int slot) {
        if (slots == null) {
            return false;
        }
        int mask = slots.length - 1;
        for (int i = spread(slot) & mask;; i = (i + 1) & mask) {
            int k = slots[i];
            if (k == 0) {
                return false;
            }
            if (k == slot + 1) {
                return true;
            }
        }
    }

    int size() {
        return size;
    }

    /** Whether each slot read is at the version read, as {@code current} gives a slot's version now. */
    boolean allAt(java.util.function.IntUnaryOperator current) {
        if (slots == null) {
            return true;
        }
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] != 0 && current.applyAsInt(slots[i] - 1) != versions[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The slots read, each followed by the version first read, in the table's order: what a committed analysis keeps
     * ({@code none} when no slot was read).
     */
    int[] pairs(int[] none) {
        if (size == 0) {
            return none;
        }
        int[] pairs = new int[size * 2];
        int at = 0;
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] != 0) {
                pairs[at++] = slots[i] - 1;
                pairs[at++] = versions[i];
            }
        }
        return pairs;
    }

    private void grow() {
        int[] oldSlots = slots;
        int[] oldVersions = versions;
        slots = new int[oldSlots.length * 2];
        versions = new int[oldSlots.length * 2];
        int mask = slots.length - 1;
        for (int j = 0; j < oldSlots.length; j++) {
            if (oldSlots[j] != 0) {
                int i = spread(oldSlots[j] - 1) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = oldSlots[j];
                versions[i] = oldVersions[j];
            }
        }
    }

    private static int spread(int slot) {
        int h = slot * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
