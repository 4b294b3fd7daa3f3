package io.jenkins.plugins.devsecops.packages.lockfile;

import java.util.List;
import java.util.Optional;

/** Every supported lockfile, manifest and archive format, looked up by file name. */
public final class LockfileParsers {

    private static final List<LockfileParser> ALL = List.of(
            new NpmLockParser(), new YarnLockParser(), new PnpmLockParser(), new PackageJsonParser(),
            new MavenPomParser(), new MavenDependencyListParser(), new CycloneDxBomParser(), new JavaArchiveParser(),
            new GradleLockParser(),
            new RequirementsParser(), new PipfileLockParser(), TomlLockParser.poetry(), TomlLockParser.uv(),
            new GoModParser(), new GoSumParser(),
            TomlLockParser.cargo(), new GemfileLockParser(), new ComposerLockParser(), new NuGetLockParser());

    private LockfileParsers() {
    }

    /** All parsers. */
    public static List<LockfileParser> all() {
        return ALL;
    }

    /**
     * The extensions (after the last dot, any case) of every name a parser accepts: {@code composer.lock},
     * {@code gems.locked}, {@code gradle.lockfile}, {@code go.mod}, {@code go.sum}, {@code *.jar}, {@code *.war},
     * {@code *.ear}, {@code requirements*.txt}, {@code *.pip}, {@code pom.xml}, {@code pnpm-lock.yaml} and the JSON
     * lockfiles. A new parser whose names end otherwise must add its extension here (a test checks every parser).
     */
    private static final String[] EXTENSIONS = {"json", "lock", "locked", "lockfile", "mod", "sum", "jar", "war",
        "ear", "txt", "pip", "xml", "yaml"};

    /**
     * Whether some parser may accept a file of this name: false for most names of a tree ({@code index.js},
     * {@code README.md}), answered from the extension without asking the parsers, which lower-case the name.
     */
    public static boolean mayAccept(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return false;
        }
        int length = fileName.length() - dot - 1;
        for (String extension : EXTENSIONS) {
            if (extension.length() == length && fileName.regionMatches(true, dot + 1, extension, 0, length)) {
                return true;
            }
        }
        return false;
    }

    /** The parser of a file of this name, if any. */
    public static Optional<LockfileParser> forFileName(String fileName) {
        for (LockfileParser parser : ALL) {
            if (parser.accepts(fileName)) {
                return Optional.of(parser);
            }
        }
        return Optional.empty();
    }
}
