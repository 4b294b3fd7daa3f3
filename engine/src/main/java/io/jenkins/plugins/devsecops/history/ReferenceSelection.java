package io.jenkins.plugins.devsecops.history;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to pick the reference build, and the picking itself.
 *
 * @param kind previous, last successful, named, or the pull request's target branch
 * @param value the build id for {@link ReferenceKind#NAMED}, the target branch for {@link ReferenceKind#TARGET_BRANCH}
 */
public record ReferenceSelection(ReferenceKind kind, String value) implements Serializable {

    private static final long serialVersionUID = 1L;

    public ReferenceSelection {
        Objects.requireNonNull(kind, "kind");
        if ((kind == ReferenceKind.NAMED || kind == ReferenceKind.TARGET_BRANCH) && (value == null || value.isBlank())) {
            throw new IllegalArgumentException("Reference " + kind + " needs a " 
                    + (kind == ReferenceKind.NAMED ? "build id" : "target branch"));
        }
    }

    public static ReferenceSelection previous() {
        return new ReferenceSelection(ReferenceKind.PREVIOUS, null);
    }

    public static ReferenceSelection lastSuccessful() {
        return new ReferenceSelection(ReferenceKind.LAST_SUCCESSFUL, null);
    }

    public static ReferenceSelection named(String buildId) {
        return new ReferenceSelection(ReferenceKind.NAMED, buildId);
    }

    public static ReferenceSelection targetBranch(String branch) {
        return new ReferenceSelection(ReferenceKind.TARGET_BRANCH, branch);
    }

    /**
     * Picks the reference among {@code candidates} (any order; builds without a report are passed over).
     *
     * @return the chosen build, or empty when none fits (then every finding is new)
     */
    public Optional<ReferenceCandidate> select(List<ReferenceCandidate> candidates) {
        Comparator<ReferenceCandidate> newestFirst = Comparator.comparing(ReferenceCandidate::time).reversed();
        return candidates.stream().filter(ReferenceCandidate::hasReport).filter(c -> switch (kind) {
            case PREVIOUS -> true;
            case LAST_SUCCESSFUL -> c.successful();
            case NAMED -> c.id().equals(value);
            case TARGET_BRANCH -> value.equals(c.branch());
        }).min(newestFirst);
    }
}
