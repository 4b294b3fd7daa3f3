package io.jenkins.plugins.devsecops.sast.ir;

import java.util.List;
import java.util.Map;

/**
 * One source file lowered to IR.
 *
 * @param path the file, relative to the scan root
 * @param classes the types it declares
 * @param ignoredLines lines carrying a {@code devsecops:ignore} comment, each with the rule ids it names
 *        ({@code *} for all rules)
 * @param notes what the front end could not handle in this file (the analysis goes on without it)
 */
public record UnitIr(String path, List<ClassIr> classes, Map<Integer, List<String>> ignoredLines, List<String> notes) {

    public UnitIr {
        classes = List.copyOf(classes);
        ignoredLines = Map.copyOf(ignoredLines);
        notes = List.copyOf(notes);
    }
}
