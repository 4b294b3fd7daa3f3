package io.jenkins.plugins.devsecops.report;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Which record components ({@code Record.component}) are reachable from some values, and which of them hold a value
 * other than null, empty or zero in at least one: the writer tests that name every field themselves use it to prove
 * their test data sets every field, so that a component added later fails them until the writer covers it.
 */
final class RecordFieldCoverage {

    private final Predicate<Object> skipped;
    private final Set<String> reachable = new TreeSet<>();
    private final Set<String> set = new TreeSet<>();

    /** @param skipped values not walked into (covered by another test) */
    RecordFieldCoverage(Predicate<Object> skipped) {
        this.skipped = skipped;
    }

    /** Walks {@code value}: collections, map values and record components, recursively. */
    RecordFieldCoverage add(Object value) throws ReflectiveOperationException {
        if (value == null || skipped.test(value)) {
            return this;
        }
        if (value instanceof Collection<?> items) {
            for (Object item : items) {
                add(item);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Object item : map.values()) {
                add(item);
            }
        } else if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                String name = value.getClass().getSimpleName() + "." + component.getName();
                reachable.add(name);
                Object field = component.getAccessor().invoke(value);
                boolean present = field != null && !"".equals(field)
                        && !(field instanceof Number n && n.doubleValue() == 0)
                        && !(field instanceof Collection<?> c && c.isEmpty())
                        && !(field instanceof Map<?, ?> m && m.isEmpty());
                if (present) {
                    set.add(name);
                }
                add(field);
            }
        }
        return this;
    }

    /** Every component met. */
    Set<String> reachable() {
        return reachable;
    }

    /** The components that held a value in some walked value. */
    Set<String> set() {
        return set;
    }
}
